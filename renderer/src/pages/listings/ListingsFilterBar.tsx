/** Search, the state / rule / severity filters, and how many listings they show. */
import { Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleIds, type RuleId, type Severity } from '../../../../shared/check/types';
import type { CheckStateFilter, ListingFilters } from '../../features/listings-table/use-listing-filters';
import { severities } from './workspace-model';

type FilterKey = 'state' | 'rule' | 'severity';
const checkStates = ['ready', 'blocked', 'unchecked'] as const;

/** The options offered are the filter's own values: the casts only say so to TypeScript. */
function setFilter(filters: ListingFilters, key: FilterKey, value: string | undefined) {
  if (key === 'state') filters.setState(value as CheckStateFilter | undefined);
  else if (key === 'rule') filters.setRule(value as RuleId | undefined);
  else filters.setSeverity(value as Severity | undefined);
}

export function ListingsFilterBar({
  filters,
  shown,
  all,
}: {
  filters: ListingFilters;
  /** Listings matching the filters. */
  shown: number;
  /** Listings stored. */
  all: number;
}) {
  const { t } = useTranslation(['workspace', 'common']);
  const labels = {
    state: t('list.filterState'),
    rule: t('list.filterRule'),
    severity: t('list.filterSeverity'),
  };
  const selects: {
    key: FilterKey;
    width: number;
    options: { value: string; label: string }[];
    search?: true;
  }[] = [
    {
      key: 'state',
      width: 160,
      options: checkStates.map((v) => ({ value: v, label: t(`list.stateOptions.${v}`) })),
    },
    {
      key: 'rule',
      width: 200,
      options: ruleIds.map((r) => ({ value: r, label: t(`rules.${r}`) })),
      search: true,
    },
    {
      key: 'severity',
      width: 140,
      options: severities.map((v) => ({ value: v, label: t(`severity.${v}`) })),
    },
  ];
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        placeholder={t('common:listings.search')}
        allowClear
        onChange={(e) => filters.setQuery(e.target.value)}
        style={{ width: 240 }}
        aria-label={t('common:listings.search')}
      />
      {selects.map(({ key, width, options, search }) => (
        <Select<string>
          key={key}
          allowClear
          showSearch={search ? { optionFilterProp: 'label' } : undefined}
          aria-label={labels[key]}
          placeholder={labels[key]}
          style={{ width }}
          value={filters[key]}
          onChange={(value?: string) => setFilter(filters, key, value)}
          options={options}
        />
      ))}
      <Typography.Text type="secondary" data-testid="shown-count">
        {t('list.shown', { n: shown, total: all })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('list.dropHint')}
      </Typography.Text>
    </Space>
  );
}
