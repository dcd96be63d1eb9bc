import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { WorkbenchState, WorkbenchStore } from './workbench-store';

export const WorkbenchContext = createContext<WorkbenchStore | null>(null);

export function useWorkbench<T>(selector: (state: WorkbenchState) => T): T {
  const store = useContext(WorkbenchContext);
  if (!store) throw new Error('useWorkbench outside WorkbenchContext');
  return useStore(store, selector);
}

export function useWorkbenchStore(): WorkbenchStore {
  const store = useContext(WorkbenchContext);
  if (!store) throw new Error('useWorkbenchStore outside WorkbenchContext');
  return store;
}
