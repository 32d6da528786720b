/** Fields too long to edit in place (issue 17). ICU MessageFormat; Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  readOnly:
    '此字段共 {n} 个字符，超过 {limit} 个字符，在这里编辑会很慢，因此只读显示。检查结果照常列在右侧，「修复」仍可使用；如需改写，请在文本编辑器中修改源文件后重新导入（相同 id 会更新本商品）。',
  preview: '预览只显示前 {limit} 个字符（共 {n} 个）。',
};

const en: Translation<typeof zhCN> = {
  readOnly:
    'This field has {n} characters, more than {limit}: editing it here would be slow, so it is shown read-only. Its findings are listed as usual and fixes still apply; to rewrite it, edit the source file in a text editor and import it again (the same id updates this listing).',
  preview: 'The preview shows the first {limit} characters only (of {n}).',
};

export default { 'zh-CN': zhCN, en };
