type Primitive = string | number | boolean | null | undefined;

/** Immutable, compared field by field. Subclasses validate in a static factory and keep the constructor private. */
export abstract class ValueObject<TProps extends Record<string, Primitive>> {
  protected readonly props: Readonly<TProps>;

  protected constructor(props: TProps) {
    this.props = Object.freeze({ ...props });
  }

  equals(other: ValueObject<TProps> | null | undefined): boolean {
    if (other == null || other.constructor !== this.constructor) return false;
    const keys = Object.keys(this.props) as (keyof TProps)[];
    return keys.every((key) => this.props[key] === other.props[key]);
  }
}
