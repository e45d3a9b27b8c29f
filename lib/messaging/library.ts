/** Messages of the library domain. Declare each once: `name(data: In): Out`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the library domain
export interface LibraryProtocol {}
