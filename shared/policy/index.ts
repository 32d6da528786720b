/** Policy packs (resources/policies/*.json) and the shared input-file reader of the engines. */
export {
  DEFAULT_POLICY_ID,
  bundledPolicyPacks,
  checkPolicyPack,
  compareVersions,
  getPolicyPack,
  parsePolicyPackText,
  policyIds,
  policyPackSet,
  validatePolicyPack,
  type PolicyPackProblem,
  type PolicyPackSet,
} from './packs';
export { policyPackSchema, ticketKinds, type PolicyPack, type Penalty, type TicketKind } from './schema';
export {
  formatProblems,
  parseInputText,
  validateInput,
  type InputProblem,
  type InputResult,
} from './input-file';
