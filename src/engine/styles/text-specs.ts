import type { PlateSpec, Rect, TextSpec } from '../typography/text-spec.js';
import type { FaceRequest } from '../typography/font-stack.js';

/** What most specs share; styles override what makes them theirs. */
export function textSpec(
  role: TextSpec['role'],
  text: string,
  box: Rect,
  faces: readonly FaceRequest[],
  rest: Partial<TextSpec> & { colors: readonly string[]; plate: PlateSpec },
): TextSpec {
  return {
    role,
    text,
    box,
    faces,
    align: 'left',
    valign: 'top',
    maxSize: role === 'title' ? 160 : 40,
    minSize: role === 'title' ? 28 : 14,
    maxLines: role === 'title' ? 4 : 1,
    lineHeight: role === 'title' ? 1.05 : 1.2,
    ...rest,
  };
}
