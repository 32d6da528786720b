/**
 * Every namespace of UI, menu, notification and report text. One place lists them so the
 * renderer, the main process and the report generator load the same resources, and the typed
 * keys (i18next.d.ts) come from the Chinese originals.
 */
import alerts from './alerts';
import calendar from './calendar';
import callbackReport from './callbackReport';
import callbacks from './callbacks';
import common from './common';
import compliance from './compliance';
import drafts from './drafts';
import expulsion from './expulsion';
import imports from './imports';
import longField from './longField';
import main from './main';
import menu from './menu';
import report from './report';
import policypacks from './policypacks';
import rulepacks from './rulepacks';
import sync from './sync';
import undo from './undo';
import workspace from './workspace';

const byNamespace = {
  common,
  compliance,
  workspace,
  callbacks,
  callbackReport,
  sync,
  undo,
  drafts,
  calendar,
  expulsion,
  longField,
  imports,
  menu,
  alerts,
  report,
  main,
  rulepacks,
  policypacks,
};

export type Namespace = keyof typeof byNamespace;
export const namespaces = Object.keys(byNamespace) as Namespace[];

type Of<L extends 'zh-CN' | 'en'> = { [N in Namespace]: (typeof byNamespace)[N][L] };

function inLanguage<L extends 'zh-CN' | 'en'>(locale: L): Of<L> {
  return Object.fromEntries(namespaces.map((ns) => [ns, byNamespace[ns][locale]])) as Of<L>;
}

export const resources = { 'zh-CN': inLanguage('zh-CN'), en: inLanguage('en') };
/** The Chinese originals: the shape every language has, and what the typed keys are made of. */
export type Resources = Of<'zh-CN'>;
