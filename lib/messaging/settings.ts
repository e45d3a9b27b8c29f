/** Messages of the settings domain. Declare each once: `name(data: In): Out`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the settings domain
export interface SettingsProtocol {}
