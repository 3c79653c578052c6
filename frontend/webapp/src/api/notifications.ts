/**
 * The caller's notifications and delivery preferences (notification service), through its typed client. The bell
 * polls the unread count; nothing here ever names another user.
 */
import { body, serviceClient } from './http';
import type { components, paths as NotificationPaths } from './generated/notification';

export const notification = serviceClient<NotificationPaths>('notification');

export type NotificationView = components['schemas']['NotificationView'];
export type NotificationKind = components['schemas']['NotificationKind'];
export type DeliveryMode = components['schemas']['DeliveryMode'];
export type PreferenceView = components['schemas']['PreferenceView'];

/** How often the bell asks for news: a page reload is never needed to see a new notification. */
export const POLL_MS = 20_000;

export const unreadCount = async (signal?: AbortSignal) =>
  (await body(notification.GET('/notifications/unread-count', { signal }))).unread ?? 0;

export const notifications = async (signal?: AbortSignal) => {
  const page = await body(notification.GET('/notifications', { params: { query: { limit: 50 } }, signal }));
  return page.items ?? [];
};

export const markRead = (id: string) =>
  body(notification.POST('/notifications/{id}/read', { params: { path: { id } } }));

export const markAllRead = () => body(notification.POST('/notifications/read-all', {}));

export const preferences = async (signal?: AbortSignal) =>
  (await body(notification.GET('/notification-preferences', { signal }))).preferences ?? [];

export const savePreferences = (preferences: PreferenceView[]) =>
  body(notification.PUT('/notification-preferences', { body: { preferences } }));

export const KIND_LABELS: Record<NotificationKind, string> = {
  DECISION_AT_RISK: 'A decision of mine goes at risk',
  DECISION_OVERDUE: 'A decision of mine is overdue',
  DECISION_ESCALATED: 'A decision of mine is escalated',
  DECISION_DECIDED: 'A decision of mine is decided',
  CARD_ASSIGNED: 'A board card is assigned to me',
  ACTION_ITEM_ASSIGNED: 'An action item is assigned to me',
  PACKET_PUBLISHED: 'A packet of a meeting I attend is published',
  MINUTES_APPROVED: 'The minutes of a meeting I attend are approved',
  PULSE_SURVEY: 'A short survey after a meeting I attended',
  OBLIGATION_DUE: 'An obligation I manage or work on comes due',
  OBLIGATION_MISSED: 'An obligation I manage or work on is missed',
};

export const MODE_LABELS: Record<DeliveryMode, string> = {
  IMMEDIATE: 'In the app and by mail, immediately',
  DIGEST: 'In the app, and by mail in a daily digest',
  OFF: 'Off',
};
