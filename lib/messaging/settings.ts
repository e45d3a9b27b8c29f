/** Messages of the settings domain. Declare each once: `name(data: In): Out`. */
export interface SettingsProtocol {
  /**
   * Opens (or focuses) the options page. For content scripts (the sidebar's "choose your agency"
   * link), which cannot call `runtime.openOptionsPage` themselves.
   */
  openOptions(): void;
}
