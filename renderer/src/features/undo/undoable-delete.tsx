/**
 * Delete now, undo from the message (issue 17): the core keeps what a delete removed under a token;
 * the message's Undo button puts it back. The page reloads after either.
 */
import { Button, Space, message } from 'antd';
import { call } from '../../api';
import { localWrite } from '../../stores/local-writes';
import { i18n } from '../../i18n/i18n';
import { errorText } from '../errors/error-text';

const UNDO_SECONDS = 10;
export async function deleteWithUndo(
  run: () => Promise<{ deleted: number; undoToken: string }>,
  reload: () => Promise<void>,
): Promise<boolean> {
  // The message lives for seconds: worded in the language of the moment.
  const t = i18n.getFixedT(null, 'undo');
  let result: { deleted: number; undoToken: string };
  try {
    result = await localWrite(async () => {
      const r = await run();
      await reload();
      return r;
    });
  } catch (error) {
    message.error(t('deleteFailed', { reason: errorText(error) }));
    return false;
  }
  const key = `undo-${result.undoToken}`;
  const undo = async () => {
    message.destroy(key);
    try {
      const { restored } = await localWrite(async () => {
        const r = await call('app.undoDelete', { undoToken: result.undoToken });
        await reload();
        return r;
      });
      message.success(t('restored', { n: restored }));
    } catch (error) {
      message.error(t('undoFailed', { reason: errorText(error) }));
    }
  };
  message.success({
    key,
    duration: UNDO_SECONDS,
    content: (
      <Space data-testid="undo-message">
        {t('deleted', { n: result.deleted })}
        <Button size="small" type="link" onClick={() => void undo()}>
          {t('undo')}
        </Button>
      </Space>
    ),
  });
  return true;
}
