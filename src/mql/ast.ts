// The MQL syntax tree. Every node knows where it came from (`start`/`end` offsets into the
// source), so every error a user can cause can point at the spot.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Node =
  | Literal
  | RegexLiteral
  | ListLiteral
  | MapLiteral
  | Identifier
  | Member
  | Index
  | Call
  | Block
  | Unary
  | Binary;

export interface Literal extends Span {
  readonly type: 'literal';
  readonly value: string | number | boolean | null;
  /** `empty` matches [], {}, '' and null. */
  readonly empty?: true;
}

export interface RegexLiteral extends Span {
  readonly type: 'regex';
  readonly pattern: string;
  readonly flags: string;
}

export interface ListLiteral extends Span {
  readonly type: 'list';
  readonly items: readonly Node[];
}

export interface MapLiteral extends Span {
  readonly type: 'map';
  readonly entries: ReadonlyArray<{ readonly key: string; readonly value: Node }>;
}

export interface Identifier extends Span {
  readonly type: 'identifier';
  readonly name: string;
}

/** `target.name`: a field, a function without arguments, or a dict key. */
export interface Member extends Span {
  readonly type: 'member';
  readonly target: Node;
  readonly name: string;
  readonly nameStart: number;
}

/** `target[index]`: a list element or a dict key. */
export interface Index extends Span {
  readonly type: 'index';
  readonly target: Node;
  readonly index: Node;
}

/** `target.name(args)`: a function applied to `target`. */
export interface Call extends Span {
  readonly type: 'call';
  readonly target: Node;
  readonly name: string;
  readonly nameStart: number;
  readonly args: readonly Node[];
}

/** `target { statements }`: a projection; `{ * }` takes every field. */
export interface Block extends Span {
  readonly type: 'block';
  readonly target: Node;
  readonly body: readonly Statement[];
  readonly star: boolean;
}

export interface Unary extends Span {
  readonly type: 'unary';
  readonly op: '!' | '-';
  readonly operand: Node;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '=~' | '!~' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface Binary extends Span {
  readonly type: 'binary';
  readonly op: BinaryOp;
  readonly left: Node;
  readonly right: Node;
}

export type Statement =
  | (Span & { readonly type: 'expression'; readonly expression: Node; readonly text: string })
  | (Span & { readonly type: 'assignment'; readonly name: string; readonly value: Node; readonly text: string });

export interface Program {
  readonly source: string;
  readonly statements: readonly Statement[];
}
