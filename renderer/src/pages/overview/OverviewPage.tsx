/**
 * The start page: points against the 24-point line, deposit and its due date, today's and this
 * week's SLA compliance, the tickets closest to breaching (live), active freezes and what changed
 * since the last look. Every number carries the time it is as of.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, List, Row, Space, Statistic, Typography } from 'antd';
import { ExpulsionBanner } from '../../features/points/ExpulsionBanner';
import { useApp } from '../../stores/app-store';
import { beijingMinute, closestToBreach, daysUntil, percent } from '../../stores/compliance-view';
import type { PageProps } from '../registry';
import { isAnnual } from '../../features/compliance/annual-report';
import { AsOf } from '../../features/compliance/AsOf';
import { PointsGauge } from '../../features/compliance/charts';
import { useComplianceText } from '../../features/compliance/compliance-messages';
import { Countdown, useTick } from '../../features/compliance/Countdown';
import { ImportButton } from '../../features/compliance/ImportButton';
import { StatusTag } from '../../features/compliance/StatusTag';
import { useSnapshot } from '../../features/compliance/use-snapshot';
import { PageHeader } from '../../components/PageHeader';

export function OverviewPage({ readOnly }: PageProps) {
  const text = useComplianceText();
  const { locale, navigate } = useApp();
  const { snapshot, catalog, load, loading, markSeen, error } = useSnapshot();
  const now = useTick(1000);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });

  const header = (
    <PageHeader
      title={text.overview.title}
      extra={snapshot && <AsOf at={snapshot.at} />}
      actions={
        <>
          <ImportButton readOnly={readOnly} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            {text.refresh}
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
        <Typography.Text>{text.loading}</Typography.Text>
      </div>
    );

  const annual = snapshot.points.find(isAnnual);
  const line = (annual && catalog?.packs.find((p) => p.id === annual.policy)?.expelAt) ?? 24;
  const deposit = snapshot.deposit;
  const closest = closestToBreach(snapshot, 8);
  const empty = snapshot.ticketCount === 0 && snapshot.violations.length === 0 && !snapshot.ledger;
  const depositStatus = deposit
    ? {
        ok: text.overview.depositOk,
        deficient: text.overview.depositDeficient,
        overdue: text.overview.depositOverdue,
      }[deposit.status]
    : null;
  const changes = snapshot.changes;

  return (
    <div data-testid="overview-page">
      {header}
      {empty && <Alert type="info" showIcon message={text.overview.empty} style={{ marginBottom: 16 }} />}
      <ExpulsionBanner report={annual} line={line} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={text.overview.points}
            size="small"
            extra={<AsOf at={snapshot.at} />}
            data-testid="overview-points"
          >
            {annual ? (
              <>
                <PointsGauge
                  total={annual.total}
                  line={line}
                  label={text.overview.pointsOf(annual.total, line)}
                  height={170}
                />
                <Typography.Text data-testid="overview-points-total">
                  {text.overview.pointsOf(annual.total, line)}
                </Typography.Text>
                <br />
                {annual.expelled ? (
                  <StatusTag tone="bad">{text.overview.expelled}</StatusTag>
                ) : (
                  <Typography.Text type="secondary">
                    {text.overview.remaining(annual.remaining)}
                  </Typography.Text>
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{text.none}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={text.overview.deposit}
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
                    {text.overview.shortfall(money.format(deposit.shortfall))}
                  </Typography.Text>
                )}
                {deposit.topUpDueDate && (
                  <Typography.Text strong data-testid="overview-deposit-due">
                    {text.overview.dueIn(deposit.topUpDueDate)} ·{' '}
                    {text.overview.daysLeft(daysUntil(deposit.topUpDueDate, now))}
                  </Typography.Text>
                )}
                <Button type="link" style={{ padding: 0 }} onClick={() => navigate('/deposit')}>
                  {text.nav.deposit} →
                </Button>
              </Space>
            ) : (
              <Typography.Text type="secondary">{text.overview.noLedger}</Typography.Text>
            )}
          </Card>
        </Col>
        {(['today', 'week'] as const).map((key) => {
          const row = snapshot[key];
          return (
            <Col xs={24} md={12} xl={6} key={key}>
              <Card
                title={text.overview[key]}
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
                  {text.overview.counts(row.met, row.breached, row.pending)}
                </Typography.Text>
              </Card>
            </Col>
          );
        })}
        <Col xs={24} xl={12}>
          <Card title={text.overview.closest} size="small" extra={<AsOf at={snapshot.at} />}>
            <List
              data-testid="closest-tickets"
              dataSource={closest}
              locale={{
                emptyText: (
                  <Empty description={text.overview.noPending} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ),
              }}
              renderItem={(t) => (
                <List.Item
                  actions={[
                    <Countdown key="c" deadlineMs={t.deadlineMs} testId={`countdown-${String(t.id)}`} />,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Button
                        type="link"
                        style={{ padding: 0 }}
                        onClick={() => navigate(`/service?ticket=${encodeURIComponent(String(t.id))}`)}
                      >
                        {String(t.id)}
                      </Button>
                    }
                    description={`${text.kinds[t.kind]}${t.staff ? ` · ${t.staff}` : ''} · ${beijingMinute(t.deadline)}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card title={text.overview.freezes} size="small" extra={<AsOf at={snapshot.at} />}>
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
              <Typography.Text type="secondary">{text.overview.noFreezes}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card
            title={text.overview.changes}
            size="small"
            extra={
              <Button size="small" onClick={() => void markSeen()} disabled={readOnly}>
                {text.overview.markSeen}
              </Button>
            }
            data-testid="overview-changes"
          >
            {changes.since === null ? (
              <Typography.Text type="secondary">{text.overview.firstLook}</Typography.Text>
            ) : (
              <Space direction="vertical">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {beijingMinute(changes.since)} →
                </Typography.Text>
                <Typography.Text>
                  {text.overview.changeLine(
                    changes.tickets,
                    changes.ledger,
                    changes.violations,
                    changes.alerts,
                  )}
                </Typography.Text>
                {changes.newlyBreached.length > 0 && (
                  <Typography.Text type="danger">
                    {text.overview.newlyBreached(changes.newlyBreached.map(String).join(', '))}
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
