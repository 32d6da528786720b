/**
 * A button that picks one JSON file (a hidden file input behind it, labelled like the button so
 * tests and screen readers find it); the same input can pick the same file again.
 */
import { Button } from 'antd';
import { useRef, type ReactNode } from 'react';

export function JsonFileButton(props: {
  label: string;
  icon?: ReactNode;
  size?: 'small' | 'middle';
  disabled?: boolean;
  testId: string;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        size={props.size}
        icon={props.icon}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={props.label}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onFile(file);
          // Cleared, so picking the same file again (after fixing it) fires again.
          e.target.value = '';
        }}
      />
    </>
  );
}
