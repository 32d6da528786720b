import { message } from 'antd';
import { errorText } from './error-text';

/** The settings cards' failure toast: `${prefix}: ${reason}`, kept on screen for 10 s. */
export const failMessage = (prefix: string, error: unknown): void =>
  void message.error({ content: `${prefix}: ${errorText(error)}`, duration: 10 });
