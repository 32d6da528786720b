/** Rule-pack channels (issue 15): the lifecycle lives in RulePackService. */
import type { RulePackService } from '../checks/rule-pack-service';
import type { HandlerGroup } from './types';

type RulePackChannels =
  'rulepacks.list' | 'rulepacks.import' | 'rulepacks.activate' | 'rulepacks.revert' | 'rulepacks.active';

export function rulePackHandlers(packs: RulePackService): HandlerGroup<RulePackChannels> {
  return {
    'rulepacks.list': () => packs.list(),
    'rulepacks.import': ({ name, text }) => packs.importFile(name, text),
    'rulepacks.activate': ({ key }, call) => packs.activate(key, call),
    'rulepacks.revert': (_request, call) => packs.revert(call),
    'rulepacks.active': () => packs.active(),
  };
}
