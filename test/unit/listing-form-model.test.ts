import { describe, expect, it } from 'vitest';
import { listingSchema } from '../../shared/listing/schema';
import {
  emptyFormValues,
  formFieldFor,
  fromFormValues,
  toFormValues,
  validateForm,
} from '../../renderer/src/features/listing-form/listing-form-model';
import { readExample } from '../helpers/temp-dir';

describe('listing form model', () => {
  it.each(['clean-saas-crm.json', 'violating-image.json'])(
    'round-trips %s through the form unchanged',
    (name) => {
      const listing = listingSchema.parse(readExample(name));
      const result = validateForm(toFormValues(listing), listing);
      expect(result).toEqual({ ok: true, listing });
    },
  );

  it('turns blank compliance fields into null, not empty strings', () => {
    const values = {
      ...emptyFormValues(),
      title: 'T',
      description: 'D',
      delistingStrategy: '   ',
      productPageUrl: '',
    };
    expect(fromFormValues(values)).toMatchObject({
      delistingStrategy: null,
      officialSite: null,
      serviceTerms: null,
      runsOnJdCloud: null,
    });
  });

  it('maps schema problems onto the form fields that show them', () => {
    const result = validateForm({
      ...emptyFormValues(),
      title: 'T',
      description: 'D',
      priceAmount: null,
      specs: [{ name: '', price: 1 }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const names = result.errors.map((e) => e.name.join('.'));
      expect(names).toContain('priceAmount');
      expect(names).toContain('specs.0.name');
    }
  });

  it.each([
    [['price', 'amount'], ['priceAmount']],
    [['price', 'billing'], ['billing']],
    [['officialSite', 'productPageUrl'], ['productPageUrl']],
    [['vendor', 'name'], ['vendorName']],
    [
      ['images', 2, 'url'],
      ['images', 2, 'url'],
    ],
    [['attributes', '部署地域'], ['attributes']],
  ])('formFieldFor(%j) = %j', (issue, field) => {
    expect(formFieldFor(issue)).toEqual(field);
  });
});
