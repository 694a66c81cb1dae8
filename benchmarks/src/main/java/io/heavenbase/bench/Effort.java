package io.heavenbase.bench;

/** How long JMH measures one side of a row: forks, warm-up and measurement iterations, seconds each. */
public record Effort(int forks, int warmups, int warmupSeconds, int iterations, int iterationSeconds) {

    /** Sub-millisecond operations: enough iterations for a stable mean on 2 cores. */
    public static final Effort FAST_OPERATIONS = new Effort(2, 2, 2, 4, 2);
    /** Operations of a second or more: fewer, longer iterations. */
    public static final Effort SLOW_OPERATIONS = new Effort(2, 1, 4, 3, 5);

    /**
     * The same effort with the given overrides; a negative {@code forks} or {@code warmups}, or a
     * non-positive {@code iterations} or {@code seconds}, keeps the row's value.
     */
    public Effort with(int forks, int warmups, int iterations, int seconds) {
        return new Effort(forks >= 0 ? forks : this.forks, warmups >= 0 ? warmups : this.warmups,
                seconds > 0 ? seconds : warmupSeconds, iterations > 0 ? iterations : this.iterations,
                seconds > 0 ? seconds : iterationSeconds);
    }
}
