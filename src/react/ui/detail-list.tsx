import { styles } from './styles';

/** Label/value pairs as a description list, two columns: `ErrorDetails`' facts and the error log's figures. */
export function DetailList({ rows }: { rows: readonly (readonly [string, string | number])[] }) {
  return (
    <dl style={styles.details}>
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 600 }}>{label}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
