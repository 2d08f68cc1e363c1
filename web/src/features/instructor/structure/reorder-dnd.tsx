import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { moveId } from './order';

export interface Reorderable {
  id: string;
  title: string;
}

/**
 * One sortable list (the modules, or the lessons of one module): mouse or touch drag, and the
 * keyboard (space to pick up, arrows to move, space to drop, escape to cancel), each step
 * announced to screen readers in the page's language.
 */
export function ReorderList({
  kind,
  items,
  onReorder,
  children,
}: {
  kind: 'module' | 'lesson';
  items: readonly Reorderable[];
  onReorder: (ids: string[]) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((i) => i.id);
  const thing = t(`instructorStructure.dnd.${kind}`);
  const title = (id: UniqueIdentifier) => items.find((i) => i.id === id)?.title ?? '';
  const position = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;
  const count = items.length;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('instructorStructure.dnd.pickedUp', {
        thing,
        title: title(active.id),
        position: position(active.id),
        count,
      }),
    onDragOver: ({ active, over }) =>
      over
        ? t('instructorStructure.dnd.movedTo', {
            thing,
            title: title(active.id),
            position: position(over.id),
            count,
          })
        : t('instructorStructure.dnd.outside', { thing, title: title(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('instructorStructure.dnd.dropped', {
            thing,
            title: title(active.id),
            position: position(over.id),
            count,
          })
        : t('instructorStructure.dnd.outside', { thing, title: title(active.id) }),
    onDragCancel: ({ active }) =>
      t('instructorStructure.dnd.cancelled', {
        thing,
        title: title(active.id),
        position: position(active.id),
      }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(moveId(ids, String(active.id), String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('instructorStructure.dnd.instructions') },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** The grip the list is dragged by; a real button, so it is reached with Tab. */
const HANDLE_STYLE = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  minWidth: 28,
  minHeight: 32,
  padding: 0,
  border: 0,
  borderRadius: 4,
  background: 'transparent',
  color: 'var(--mantine-color-gray-8)',
  fill: 'currentColor',
  cursor: 'grab',
  // The pointer drag starts on the grip: the browser must not scroll instead.
  touchAction: 'none',
} as const;

export const DragHandle = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(
  function DragHandle(props, ref) {
    return (
      <button type="button" ref={ref} style={HANDLE_STYLE} {...props}>
        <svg width="14" height="20" viewBox="0 0 14 20" aria-hidden="true" focusable="false">
          {[3, 10, 17].map((y) =>
            [4, 10].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.8" />),
          )}
        </svg>
      </button>
    );
  },
);
