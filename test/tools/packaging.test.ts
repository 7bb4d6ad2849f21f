import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

/*
 * electron-builder cannot run here (it downloads Electron), so its configuration and the icons it packs are
 * checked as files: the config against electron-builder's own schema validator, the icon containers by reading
 * their headers the way Windows and macOS do.
 */
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, any>;
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Config;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Config;

function pngSize(png: Buffer): { width: number; height: number } {
  const decoded = PNG.sync.read(png);
  return { width: decoded.width, height: decoded.height };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation (and the validator does reject a wrong key)', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, sandboxHelper: true } }, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  });

  it('builds a .deb beside the AppImage on Linux, so the Chromium sandbox helper gets installed properly', () => {
    const targets = (config.linux.target as Array<{ target: string }>).map((t) => t.target);
    expect(targets).toEqual(expect.arrayContaining(['deb', 'AppImage']));
    // Debian wants "name <email>" as the maintainer; it comes from package.json's author.
    expect(config.linux.maintainer ?? `${pkg.author.name} <${pkg.author.email}>`).toMatch(/^.+ <[^@\s]+@[^@\s]+\.[a-z]+>$/);
  });

  it('re-signs the mac app ad hoc after flipping the fuses, which an unsigned Apple Silicon build needs to launch', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, resetAdHocDarwinSignature: true });
  });

  it('writes update metadata for a generic feed and keeps every secret out of the file', () => {
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
    const text = readFileSync('electron-builder.yml', 'utf8');
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|certificatePassword|certificateFile|appleId|appleIdPassword|password)\s*:/im);
  });

  it('points only at files that exist', () => {
    for (const file of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon, config.mac.icon, config.mac.entitlements, config.mac.entitlementsInherit]) {
      expect(existsSync(file), file).toBe(true);
    }
    expect(statSync(config.linux.icon).isDirectory()).toBe(true);
  });
});

describe('package.json for packaging', () => {
  it('names an author with an email and a homepage, without which electron-builder refuses to build the .deb', () => {
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/^[^@\s]+@[^@\s]+\.[a-z]+$/) });
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });

  it('packages the production build, never the development one', () => {
    const dist = pkg.scripts.dist as string;
    expect(dist).toMatch(/build-main\.ts --production/);
    expect(dist.indexOf('--production')).toBeLessThan(dist.indexOf('electron-builder'));
  });
});

describe('icons', () => {
  it('the Windows .ico holds 16, 24, 32, 48, 64, 128 and 256 px images that decode to their stated size', () => {
    const ico = readFileSync(config.win.icon);
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + length);
      if (image.subarray(1, 4).toString('ascii') === 'PNG') expect(pngSize(image)).toEqual({ width: size, height: size });
      else {
        expect(image.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
        expect([image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([size, size * 2, 32]);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('the macOS .icns covers 16 to 1024 px, retina variants included, as PNGs of the size each type means', () => {
    const icns = readFileSync(config.mac.icon);
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let at = 8; at < icns.length; ) {
      const type = icns.subarray(at, at + 4).toString('ascii');
      const length = icns.readUInt32BE(at + 4);
      const { width, height } = pngSize(icns.subarray(at + 8, at + length));
      expect(width).toBe(height);
      found.set(type, width);
      at += length;
    }
    const expected = { icp4: 16, icp5: 32, ic11: 32, icp6: 64, ic12: 64, ic07: 128, ic08: 256, ic13: 256, ic09: 512, ic14: 512, ic10: 1024 };
    expect(Object.fromEntries(found)).toEqual(expected);
  });

  it('the Linux set is one NxN.png per size from 16 to 512', () => {
    const names = readdirSync(config.linux.icon).filter((name) => name.endsWith('.png'));
    const sizes = names.map((name) => {
      const [, w, h] = /^(\d+)x(\d+)\.png$/.exec(name) ?? [];
      expect(pngSize(readFileSync(`${config.linux.icon}/${name}`))).toEqual({ width: Number(w), height: Number(h) });
      return Number(w);
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
  });

  it('stay small enough to ship (well under a megabyte together)', () => {
    const total = [config.win.icon, config.mac.icon, 'assets/icon.png', ...readdirSync(config.linux.icon).map((n) => `${config.linux.icon}/${n}`)].reduce((sum, file) => sum + statSync(file).size, 0);
    expect(total).toBeLessThan(400_000);
  });
});
