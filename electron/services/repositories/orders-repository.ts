/** Orders synced from the marketplace (migration 0007's `orders`), as the engines take them. */
import type { OrderInput } from '../../../shared/points/store';
import type { Store } from '../db/database';

export class OrdersRepository {
  constructor(private readonly store: Store) {}

  /**
   * The orders of goods that ship, for the jd-store-2021 delayed-shipment rule: those whose
   * marketplace record carries the shipment fields (`waybillUploadedAt` / `pickedUpAt`, null until
   * they happen). A digital order has neither and is never "late"; counting it would charge every
   * week of application and service sales. `purchasedAt` is the payment time.
   */
  shipments(): OrderInput[] {
    const rows = this.store
      .sql(
        `SELECT id, purchased_at AS paid, waybill_uploaded_at AS waybill, picked_up_at AS pickup FROM orders
          WHERE json_type(data_json, '$.waybillUploadedAt') IS NOT NULL OR json_type(data_json, '$.pickedUpAt') IS NOT NULL
          ORDER BY purchased_at, id`,
      )
      .all() as Array<{ id: string; paid: number; waybill: number | null; pickup: number | null }>;
    return rows.map((r) => ({
      id: r.id,
      paidAt: r.paid,
      waybillUploadedAt: r.waybill,
      pickedUpAt: r.pickup,
    }));
  }
}
