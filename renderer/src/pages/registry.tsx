/**
 * The pages in the sidebar, in order. A page is listed here when its feature works (no
 * placeholder pages). Adding a page = one entry here + its key in stores/app-store.ts `Page`.
 */
import { AppstoreOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Messages } from '../i18n/messages';
import type { Page } from '../stores/app-store';
import { ListingsPage } from './listings/ListingsPage';

export interface PageProps {
  readOnly: boolean;
}

export interface PageEntry {
  key: Page;
  icon: ReactNode;
  label(t: Messages): string;
  render(props: PageProps): ReactNode;
}

export const pages: PageEntry[] = [
  { key: 'listings', icon: <AppstoreOutlined />, label: (t) => t.nav.listings, render: (props) => <ListingsPage {...props} /> },
];
