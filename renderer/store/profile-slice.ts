import type { ApiError } from '../../shared/contract';
import type { Profile, ProfileInput } from '../../shared/contract/profile';
import { api } from '../api';
import { changeLocale } from '../i18n';
import type { Slice } from './slice';

/** The business profile as main stored it, plus the state of the last save. */
export interface ProfileSlice {
  profile: Profile | null;
  profileLoaded: boolean;
  profileError: ApiError | null;
  profileSaving: boolean;
  loadProfile(): Promise<void>;
  saveProfile(input: ProfileInput): Promise<boolean>;
}

export const createProfileSlice: Slice<ProfileSlice> = (set) => ({
  profile: null,
  profileLoaded: false,
  profileError: null,
  profileSaving: false,
  async loadProfile() {
    const result = await api.profile.get();
    if (result.ok) {
      set({ profile: result.value, profileLoaded: true });
      if (result.value) await changeLocale(result.value.locale);
    } else {
      set({ profileError: result.error, profileLoaded: true });
    }
  },
  async saveProfile(input) {
    set({ profileSaving: true, profileError: null });
    const result = await api.profile.save(input);
    if (!result.ok) {
      set({ profileSaving: false, profileError: result.error });
      return false;
    }
    set({ profile: result.value, profileSaving: false });
    await changeLocale(result.value.locale);
    return true;
  },
});
