// Entry point of the staff dashboard page: React Query and the router under /staff.
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { DashboardApp } from './DashboardApp';
import { queryClient } from './trpc';
import './dashboard.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Router base="/staff">
        <DashboardApp />
      </Router>
    </QueryClientProvider>
  </StrictMode>,
);
