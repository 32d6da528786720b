/**
 * The header of a compliance page (Service, Deposit, Points): the title, when its numbers are
 * as of (the snapshot and the last pull from the marketplace), and its actions — the page's own
 * ones first, then import and export of its records.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { LastPullAsOf } from '../sync/LastPullAsOf';
import { ExportComplianceButton } from '../undo/ComplianceDataButtons';
import { AsOf } from './AsOf';
import { ImportButton } from './ImportButton';

interface Props {
  title: string;
  /** The snapshot's time. */
  at: string;
  readOnly: boolean;
  /** What the export button exports. */
  records: Parameters<typeof ExportComplianceButton>[0]['kind'];
  /** The primary "add" action, when the page has one. */
  add?: { label: string; onClick(): void };
  /** Actions of the page before import and export. */
  actions?: ReactNode;
}

export function ComplianceHeader({ title, at, readOnly, records, add, actions }: Props) {
  return (
    <PageHeader
      title={title}
      extra={
        <>
          <AsOf at={at} />
          <LastPullAsOf />
        </>
      }
      actions={
        <>
          {actions}
          {add ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={add.onClick} disabled={readOnly}>
              {add.label}
            </Button>
          ) : null}
          <ImportButton readOnly={readOnly} />
          <ExportComplianceButton kind={records} />
        </>
      }
    />
  );
}
