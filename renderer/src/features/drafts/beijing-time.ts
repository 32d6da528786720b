/** When a draft was autosaved, as the restore offer says it: Beijing time with seconds. */
export { beijingTime } from '../datetime/beijing-time';
