import type { TypedDataNode } from '../../shared/review';

/**
 * Every field of the message with its declared type, nested as the data is: what an unknown type gives the
 * user to read, and what a decoded one can be checked against. Never a bare hash.
 */
export function TypedDataTree({ nodes }: { nodes: readonly TypedDataNode[] }) {
  return (
    <ul className="typed-data-tree">
      {nodes.map((node, index) => (
        <li key={`${node.name}-${index}`} className="typed-data-tree__node">
          <span className="typed-data-tree__name">{node.name}</span>
          <span className="typed-data-tree__type">{node.type}</span>
          {typeof node.value === 'string' ? (
            <code className="typed-data-tree__value">{node.value}</code>
          ) : (
            <TypedDataTree nodes={node.value} />
          )}
        </li>
      ))}
    </ul>
  );
}
