import { Component, lazy, type ComponentType, type ReactNode } from 'react';
import { ErrorState } from './components/States';

/**
 * A page loaded on first visit, so that the first screen does not wait for every page's code (and the board's
 * charts). Pages are named exports: `lazyPage(() => import('./pages/BoardPage'), 'BoardPage')`.
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/**
 * A page's code that cannot be loaded (the network dropped, or a new version replaced the files since this tab
 * opened) gets a message and a way out instead of a blank screen; a reload fetches the current files.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <ErrorState title="This page could not be loaded" error={this.state.error} retry={() => window.location.reload()} />
      );
    }
    return this.props.children;
  }
}
