/** A fake store that can be put back as it was when a transaction began. Returns the rollback. */
export interface Checkpointable {
  checkpoint(): () => void;
}
