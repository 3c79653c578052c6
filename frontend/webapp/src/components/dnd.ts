import { KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

/** Mouse, touch and keyboard (Space to pick up, arrows to move, Space to drop, Escape to cancel). */
export function useDndSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}

export const screenReaderInstructions = {
  draggable:
    'To pick up an item, press Space or Enter. Use the arrow keys to move it. Press Space or Enter again to drop it, or Escape to cancel.',
};

export function announcements(nameOf: (id: string) => string, targetOf: (id: string) => string): Announcements {
  return {
    onDragStart: ({ active }) => `Picked up ${nameOf(String(active.id))}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(String(active.id))} is over ${targetOf(String(over.id))}.` : `${nameOf(String(active.id))} is not over a drop area.`,
    onDragEnd: ({ active, over }) =>
      over ? `${nameOf(String(active.id))} was dropped on ${targetOf(String(over.id))}.` : `${nameOf(String(active.id))} was dropped.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(String(active.id))} was cancelled.`,
  };
}
