/** Drag and drop of files and folders onto the page: `onFiles` gets them (not while read-only). */
import { useState, type DragEvent } from 'react';
import { droppedFiles } from './dropped-files';

export function useDropImport(readOnly: boolean, onFiles: (files: File[]) => Promise<void>) {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (readOnly) return;
        e.preventDefault();
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setDragging(false);
        if (readOnly) return;
        const items = e.dataTransfer.items;
        void (items?.length ? droppedFiles(items) : Promise.resolve(Array.from(e.dataTransfer.files))).then(
          onFiles,
        );
      },
    },
  };
}
