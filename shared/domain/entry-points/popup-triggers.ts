/**
 * The trigger logic shared by every popup snippet (the entry-point popup and the opt-in popup), as plain ES5 source
 * that a snippet inlines inside its IIFE. It defines `odPopupTriggers(cfg, ns, show, isShown)`, which reads
 * `cfg.key`, `cfg.capDays`, `cfg.delay`, `cfg.scroll`, `cfg.exit`, `cfg.idle` and `cfg.ref` and returns
 * `{ capped(), fired(), arm() }`: `capped()` is true while the frequency cap hides the popup for this visitor,
 * `fired()` must be called by `show()` (it stops pending timers and remembers the time), and `arm()` starts the
 * triggers (delay, scroll depth, exit intent: pointer leaving through the top, or back button / idle on touch).
 */
export const POPUP_TRIGGERS_RUNTIME = String.raw`
  function odPopupTriggers(cfg, ns, show, isShown) {
    var DAY = 86400000;
    var timers = [];
    ns.memory = ns.memory || {};
    function lastShown() {
      try { return Number(window.localStorage.getItem(cfg.key)) || 0; }
      catch (e) { return ns.memory[cfg.key] || 0; }
    }
    function scrolledPercent() {
      var doc = document.documentElement;
      var max = Math.max(doc.scrollHeight, document.body ? document.body.scrollHeight : 0) - window.innerHeight;
      if (max <= 0) return 0;
      var top = window.pageYOffset || doc.scrollTop || 0;
      return Math.min(100, (top / max) * 100);
    }
    function capped() {
      return cfg.capDays > 0 && Date.now() - lastShown() < cfg.capDays * DAY;
    }
    function fired() {
      for (var i = 0; i < timers.length; i++) clearTimeout(timers[i]);
      var now = Date.now();
      ns.memory[cfg.key] = now;
      try { window.localStorage.setItem(cfg.key, String(now)); } catch (e) { /* storage blocked: cap for this page only */ }
    }
    function arm() {
      if (cfg.delay > 0) timers.push(setTimeout(show, cfg.delay * 1000));
      if (cfg.scroll > 0) {
        var onScroll = function () {
          if (isShown()) { window.removeEventListener('scroll', onScroll); return; }
          if (scrolledPercent() >= cfg.scroll) show();
        };
        window.addEventListener('scroll', onScroll, { passive: true });
      }
      if (!cfg.exit) return;
      // Desktop: the pointer leaves the viewport through its top edge, towards the tabs and the close button.
      var onLeave = function (event) {
        var to = event.relatedTarget || event.toElement;
        if (!to && event.clientY <= 0) show();
      };
      document.addEventListener('mouseout', onLeave);
      document.documentElement.addEventListener('mouseleave', onLeave);
      var coarse = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
      if (!coarse) return;
      // Touch: no pointer to watch, so a back press (after a first tap, as browsers require) or going idle counts.
      var idleTimer = null;
      var resetIdle = function () {
        if (isShown()) return;
        clearTimeout(idleTimer);
        idleTimer = setTimeout(show, cfg.idle * 1000);
        timers.push(idleTimer);
      };
      ['touchstart', 'scroll', 'keydown'].forEach(function (type) {
        window.addEventListener(type, resetIdle, { passive: true });
      });
      resetIdle();
      var guarded = false;
      var guardBack = function () {
        if (guarded || isShown() || !window.history || !history.pushState) return;
        guarded = true;
        try { history.pushState({ odExitIntent: cfg.ref }, ''); } catch (e) { return; }
        window.addEventListener('popstate', function () { if (!isShown()) show(); });
      };
      window.addEventListener('touchend', guardBack, { passive: true });
      window.addEventListener('click', guardBack);
    }
    return { capped: capped, fired: fired, arm: arm };
  }
`;

/**
 * The dialog behaviour shared by every popup snippet, as ES5 source inlined in the snippet's IIFE. It defines
 * `odPopupModal(selector)` → `{ open(root), trap(), hide() }`: `open` remembers the focused element and
 * makes `root` the overlay (a click on the backdrop closes it), `trap` keeps Tab inside the elements matching
 * `selector` and closes on Escape, `hide` removes the overlay and gives focus back to where it was.
 */
export const POPUP_MODAL_RUNTIME = String.raw`
  function odPopupModal(selector) {
    var root = null;
    var previousFocus = null;
    function onKeydown(event) {
      if (!root) return;
      if (event.key === 'Escape' || event.key === 'Esc') { event.preventDefault(); hide(); return; }
      if (event.key !== 'Tab') return;
      var items = root.querySelectorAll(selector);
      var first = items[0];
      var last = items[items.length - 1];
      if (event.shiftKey && (document.activeElement === first || !root.contains(document.activeElement))) {
        event.preventDefault(); last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !root.contains(document.activeElement))) {
        event.preventDefault(); first.focus();
      }
    }
    function hide() {
      if (!root) return;
      document.removeEventListener('keydown', onKeydown, true);
      root.parentNode.removeChild(root);
      root = null;
      if (previousFocus && previousFocus.focus && document.contains(previousFocus)) previousFocus.focus();
    }
    function open(overlay) {
      previousFocus = document.activeElement;
      root = overlay;
      overlay.addEventListener('click', function (event) { if (event.target === overlay) hide(); });
    }
    function trap() { document.addEventListener('keydown', onKeydown, true); }
    return { open: open, trap: trap, hide: hide };
  }
`;
