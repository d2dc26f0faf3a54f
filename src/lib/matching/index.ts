// Public surface of the matching module.
export * from "./types.js";
export { scorePair } from "./score.js";
export { assign, describeAssignment } from "./assign.js";
export type { AssignResult, ProposedPair } from "./assign.js";
export { buildValueMatrix, waitingBonus } from "./value-matrix.js";
export type { ValueMatrix } from "./value-matrix.js";
export { solveAssignment } from "./optimal-assignment.js";
export type { AssignmentSolution } from "./optimal-assignment.js";
export { checkCertificate } from "./certificate.js";
export type { CertificateInput, CertificateResult } from "./certificate.js";
