/** Messages of the approvals domain. Declare each once: `name(data: In): Out`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the approvals domain
export interface ApprovalsProtocol {}
