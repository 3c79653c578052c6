import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage, PageLoadBoundary } from './lazyPage';

function Page({ page }: { page: React.ComponentType }) {
  const Lazy = page;
  return (
    <PageLoadBoundary>
      <Suspense fallback={<p>Loading page…</p>}>
        <Lazy />
      </Suspense>
    </PageLoadBoundary>
  );
}

describe('lazyPage', () => {
  it('shows the loading state, then the named export of the loaded module', async () => {
    let resolve: (module: { BoardPage: () => React.JSX.Element }) => void = () => {};
    const BoardPage = lazyPage(() => new Promise<{ BoardPage: () => React.JSX.Element }>((r) => { resolve = r; }), 'BoardPage');
    render(<Page page={BoardPage} />);
    expect(screen.getByText('Loading page…')).toBeInTheDocument();
    resolve({ BoardPage: () => <h1>Board</h1> });
    expect(await screen.findByRole('heading', { name: 'Board' })).toBeInTheDocument();
  });

  it('offers a reload when the page code cannot be fetched', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Missing = lazyPage(() => Promise.reject<{ MissingPage: () => null }>(new Error('Failed to fetch dynamically imported module')), 'MissingPage');
    render(<Page page={Missing} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This page could not be loaded');
    expect(screen.getByRole('button')).toBeInTheDocument();
  });
});
