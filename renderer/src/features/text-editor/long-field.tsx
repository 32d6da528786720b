/**
 * Fields too long to edit comfortably (issue 17): past this many characters a text field is shown
 * read-only with a note saying why and what to do; its findings are still listed and fixes still
 * apply. The description preview shows the beginning of such a text only.
 */
import { Alert } from 'antd';
import { defineMessages } from '../../i18n/define-messages';
import { useApp } from '../../stores/app-store';

/** Past this a field is read-only in the editor (typing would re-check and re-save megabytes). */
export const LONG_FIELD_CHARS = 200_000;
/** The preview renders at most this much of the description. */
export const PREVIEW_MAX_CHARS = 100_000;

const useText = defineMessages(
  {
    readOnly: (n: string, limit: string) =>
      `此字段共 ${n} 个字符，超过 ${limit} 个字符，在这里编辑会很慢，因此只读显示。检查结果照常列在右侧，「修复」仍可使用；如需改写，请在文本编辑器中修改源文件后重新导入（相同 id 会更新本商品）。`,
    preview: (limit: string, n: string) => `预览只显示前 ${limit} 个字符（共 ${n} 个）。`,
  },
  {
    readOnly: (n: string, limit: string) =>
      `This field has ${n} characters, more than ${limit}: editing it here would be slow, so it is shown read-only. Its findings are listed as usual and fixes still apply; to rewrite it, edit the source file in a text editor and import it again (the same id updates this listing).`,
    preview: (limit: string, n: string) => `The preview shows the first ${limit} characters only (of ${n}).`,
  },
);

export function LongFieldNote({ length }: { length: number }) {
  const text = useText();
  const locale = useApp((s) => s.locale);
  const n = new Intl.NumberFormat(locale).format;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="long-field-note"
      message={text.readOnly(n(length), n(LONG_FIELD_CHARS))}
    />
  );
}

export function PreviewCutNote({ length }: { length: number }) {
  const text = useText();
  const locale = useApp((s) => s.locale);
  const n = new Intl.NumberFormat(locale).format;
  return (
    <div style={{ fontSize: 12, color: '#4d5661', marginTop: 4 }} data-testid="preview-cut-note">
      {text.preview(n(PREVIEW_MAX_CHARS), n(length))}
    </div>
  );
}
