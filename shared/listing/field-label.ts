/**
 * A finding's field path (formats.md §2: "title", "specs.0.name", "officialSite.productPageUrl")
 * in words, as the editor's form labels it: the findings list and the check report show where a
 * problem is in the user's language, not the path of the file's JSON ("delistingStrategy").
 */
import common from '../i18n/resources/common';
import type { Locale } from '../ipc/contract';

type FormLabels = (typeof common)['zh-CN']['form'];
type LabelKey = { [K in keyof FormLabels]: FormLabels[K] extends string ? K : never }[keyof FormLabels];

/** Top-level fields and the nested ones, by path without list indexes ("specs.name"). */
const labelOf: Record<string, LabelKey> = {
  id: 'id',
  title: 'title',
  type: 'type',
  price: 'priceAmount',
  'price.amount': 'priceAmount',
  'price.billing': 'billing',
  specs: 'specs',
  'specs.name': 'specName',
  'specs.price': 'specPrice',
  'specs.attributes': 'attributes',
  attributes: 'attributes',
  summary: 'summary',
  description: 'description',
  cases: 'cases',
  'cases.title': 'caseTitle',
  'cases.content': 'caseContent',
  images: 'images',
  'images.url': 'imageUrl',
  'images.alt': 'imageAlt',
  officialSite: 'productPageUrl',
  'officialSite.productPageUrl': 'productPageUrl',
  delistingStrategy: 'delistingStrategy',
  serviceTerms: 'serviceTerms',
  runsOnJdCloud: 'runsOnJdCloud',
  vendor: 'vendorName',
  'vendor.name': 'vendorName',
  'vendor.authorizedBrands': 'authorizedBrands',
};

/** The label without its hint in brackets: "详情（纯文本或 HTML）" → "详情". */
const bare = (label: string) => label.replace(/\s*[（(].*[)）]\s*$/, '');

export function fieldLabel(field: string, locale: Locale): string {
  const labels = common[locale].form;
  const parts = field.split('.');
  const indexes = parts.filter((p) => /^\d+$/.test(p)).map((p) => Number(p) + 1);
  const path = parts.filter((p) => !/^\d+$/.test(p));
  // An attribute's own name is the user's ("attributes.部署地域"): keep it after the label.
  const attribute =
    path[0] === 'attributes' || path[1] === 'attributes' ? path.slice(path.indexOf('attributes') + 1) : [];
  const key = labelOf[path.slice(0, path.length - attribute.length).join('.')];
  if (!key) return field;
  const item =
    path.length > 1 && indexes.length > 0 ? `${bare(labels[labelOf[path[0]!]!])} ${indexes[0]} · ` : '';
  return `${item}${bare(labels[key])}${attribute.length > 0 ? ` · ${attribute.join('.')}` : ''}`;
}
