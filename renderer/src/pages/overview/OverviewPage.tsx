/**
 * The start page: points against the 24-point line, deposit and its due date, today's and this
 * week's SLA compliance, the tickets closest to breaching (live), active freezes and what changed
 * since the last look. Every number carries the time it is as of.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, List, Row, Space, Statistic, Typography } from 'antd';
import { ExpulsionBanner } from '../../features/points/ExpulsionBanner';
import { useApp } from '../../stores/app-store';
import { beijingMinute, closestToBreach, daysLeft, daysUntil, percent } from '../../stores/compliance-view';
import type { PageProps } from '../registry';
import { isAnnual } from '../../features/compliance/annual-report';
import { AsOf } from '../../features/compliance/AsOf';
import { PointsGauge } from '../../features/compliance/charts';
import { Countdown, useTick } from '../../features/compliance/Countdown';
import { ImportButton } from '../../features/compliance/ImportButton';
import { StatusTag } from '../../features/compliance/StatusTag';
import { useSnapshot } from '../../features/compliance/use-snapshot';
import { PageHeader } from '../../components/PageHeader';
import { useTranslation } from 'react-i18next';

export function OverviewPage({ readOnly }: PageProps) {
  const { t } = useTranslation('compliance');
  const { locale, navigate } = useApp();
  const { snapshot, catalog, load, loading, markSeen, error } = useSnapshot();
  const now = useTick(1000);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });

  const header = (
    <PageHeader
      title={t('overview.title')}
      extra={snapshot && <AsOf at={snapshot.at} />}
      actions={
        <>
          <ImportButton readOnly={readOnly} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            {t('refresh')}
          </Button>
        </>
      }
    />
  );
  // The header stays at one place in the tree whatever the page shows: it holds the import
  // dialog, and files chosen while the first snapshot loads must keep their results.
  if (error)
    return (
      <div data-testid="overview-page">
        {header}
        <Alert type="error" showIcon message={error} />
      </div>
    );
  if (!snapshot)
    return (
      <div data-testid="overview-page">
        {header}
        <Typography.Text>{t('loading')}</Typography.Text>
      </div>
    );

  const annual = snapshot.points.find(isAnnual);
  const line = (annual && catalog?.packs.find((p) => p.id === annual.policy)?.expelAt) ?? 24;
  const deposit = snapshot.deposit;
  const closest = closestToBreach(snapshot, 8);
  const empty = snapshot.ticketCount === 0 && snapshot.violationCount === 0 && !snapshot.ledger;
  const depositStatus = deposit
    ? {
        ok: t('overview.depositOk'),
        deficient: t('overview.depositDeficient'),
        overdue: t('overview.depositOverdue'),
      }[deposit.status]
    : null;
  const changes = snapshot.changes;

  return (
    <div data-testid="overview-page">
      {header}
      {empty && <Alert type="info" showIcon message={t('overview.empty')} style={{ marginBottom: 16 }} />}
      <ExpulsionBanner report={annual} line={line} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={t('overview.points')}
            size="small"
            extra={<AsOf at={snapshot.at} />}
            data-testid="overview-points"
          >
            {annual ? (
              <>
                <PointsGauge
                  total={annual.total}
                  line={line}
                  label={t('overview.pointsOf', { total: annual.total, line })}
                  height={170}
                />
                <Typography.Text data-testid="overview-points-total">
                  {t('overview.pointsOf', { total: annual.total, line })}
                </Typography.Text>
                <br />
                {annual.expelled ? (
                  <StatusTag tone="bad">{t('overview.expelled')}</StatusTag>
                ) : (
                  <Typography.Text type="secondary">
                    {t('overview.remaining', { n: annual.remaining })}
                  </Typography.Text>
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{t('none')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={t('overview.deposit')}
            size="small"
            extra={<AsOf at={snapshot.at} />}
            data-testid="overview-deposit"
          >
            {deposit ? (
              <Space direction="vertical">
                <Space>
                  <StatusTag
                    tone={deposit.status === 'ok' ? 'good' : deposit.status === 'deficient' ? 'warn' : 'bad'}
                    testId="overview-deposit-status"
                  >
                    {depositStatus}
                  </StatusTag>
                  <Typography.Text>
                    {money.format(deposit.balance)} / {money.format(deposit.required)}
                  </Typography.Text>
                </Space>
                {deposit.shortfall > 0 && (
                  <Typography.Text data-testid="overview-deposit-shortfall">
                    {t('overview.shortfall', { yuan: money.format(deposit.shortfall) })}
                  </Typography.Text>
                )}
                {deposit.topUpDueDate && (
                  <Typography.Text strong data-testid="overview-deposit-due">
                    {t('overview.dueIn', { date: deposit.topUpDueDate })} ·{' '}
                    {t('overview.daysLeft', daysLeft(daysUntil(deposit.topUpDueDate, now)))}
                  </Typography.Text>
                )}
                <Button type="link" style={{ padding: 0 }} onClick={() => navigate('/deposit')}>
                  {t('nav.deposit')} →
                </Button>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('overview.noLedger')}</Typography.Text>
            )}
          </Card>
        </Col>
        {(['today', 'week'] as const).map((key) => {
          const row = snapshot[key];
          return (
            <Col xs={24} md={12} xl={6} key={key}>
              <Card
                title={t(`overview.${key}`)}
                size="small"
                extra={<AsOf at={snapshot.at} />}
                data-testid={`overview-${key}`}
              >
                <Statistic
                  value={percent(row.rate)}
                  valueStyle={{
                    color: row.rate === null ? undefined : row.rate >= 0.95 ? '#237804' : '#a8071a',
                  }}
                />
                <Typography.Text type="secondary">
                  {t('overview.counts', { met: row.met, breached: row.breached, pending: row.pending })}
                </Typography.Text>
              </Card>
            </Col>
          );
        })}
        <Col xs={24} xl={12}>
          <Card title={t('overview.closest')} size="small" extra={<AsOf at={snapshot.at} />}>
            <List
              data-testid="closest-tickets"
              dataSource={closest}
              locale={{
                emptyText: (
                  <Empty description={t('overview.noPending')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ),
              }}
              renderItem={(ticket) => (
                <List.Item
                  actions={[
                    <Countdown
                      key="c"
                      deadlineMs={ticket.deadlineMs}
                      testId={`countdown-${String(ticket.id)}`}
                    />,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Button
                        type="link"
                        style={{ padding: 0 }}
                        onClick={() => navigate(`/service?ticket=${encodeURIComponent(String(ticket.id))}`)}
                      >
                        {String(ticket.id)}
                      </Button>
                    }
                    description={`${t(`kinds.${ticket.kind}`)}${ticket.staff ? ` · ${ticket.staff}` : ''} · ${beijingMinute(ticket.deadline)}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card title={t('overview.freezes')} size="small" extra={<AsOf at={snapshot.at} />}>
            {annual && annual.activeFreezes.length > 0 ? (
              <List
                size="small"
                dataSource={annual.activeFreezes}
                renderItem={(f) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong>{String(f.violationId)}</Typography.Text>
                      <Typography.Text type="secondary">
                        {beijingMinute(f.from)} → {beijingMinute(f.until)}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">{t('overview.noFreezes')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={t('overview.changes')}
            size="small"
            extra={
              <Button size="small" onClick={() => void markSeen()} disabled={readOnly}>
                {t('overview.markSeen')}
              </Button>
            }
            data-testid="overview-changes"
          >
            {changes.since === null ? (
              <Typography.Text type="secondary">{t('overview.firstLook')}</Typography.Text>
            ) : (
              <Space direction="vertical">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {beijingMinute(changes.since)} →
                </Typography.Text>
                <Typography.Text>
                  {t('overview.changeLine', {
                    t: changes.tickets,
                    l: changes.ledger,
                    v: changes.violations,
                    a: changes.alerts,
                  })}
                </Typography.Text>
                {changes.newlyBreached.length > 0 && (
                  <Typography.Text type="danger">
                    {t('overview.newlyBreached', { ids: changes.newlyBreached.map(String).join(', ') })}
                  </Typography.Text>
                )}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
