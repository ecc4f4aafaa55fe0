/** What a node shows under itself: the shared session's state in a few words. */
import type { NodeStatus } from 'node-red';
import type { PoolState } from '../smpp';

export type Translate = (key: string, substitutions?: Record<string, string | number>) => string;

export function sessionStatus(state: PoolState, _: Translate, queued = 0): NodeStatus {
  switch (state.state) {
    case 'bound': {
      const binds = state.binds > 1 ? ` ${state.bound}/${state.binds}` : '';
      const waiting = queued > 0 ? ` · ${_('smpp.status.queued', { count: queued })}` : '';
      return { fill: state.bound === state.binds ? 'green' : 'yellow', shape: 'dot', text: `${_('smpp.status.bound')}${binds}${waiting}` };
    }
    case 'connecting':
      return { fill: 'yellow', shape: 'ring', text: _('smpp.status.connecting') };
    case 'disconnected': {
      const retry = state.retryInMs !== undefined ? ` · ${_('smpp.status.retryIn', { seconds: Math.round(state.retryInMs / 1000) })}` : '';
      return { fill: 'red', shape: 'ring', text: `${short(state.reason ?? _('smpp.status.disconnected'))}${retry}` };
    }
    case 'closed':
      return { fill: 'grey', shape: 'ring', text: _('smpp.status.closed') };
  }
}

/** Status texts must stay short; the full reason is in the log and in msg.smpp.error. */
function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
