package io.wirewatch.kafka.dedup;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.TaskId;

/**
 * The held story answers of each open index task, so that the task's assignment processor can hand
 * them each query and each story as it records it. The index's two processors share the task, its
 * stores and its stream thread, but not an instance: the assignments come back from the verdict
 * step, downstream of the lookups, and a topology built with the DSL cannot loop back into the node
 * it came from.
 *
 * <p>One per topology, so one topology serves one KafkaStreams instance (as {@code Wirewatch}
 * builds it); several stream threads open and close tasks at once.
 */
final class HeldAnswersByTask {

  private final Map<TaskId, HeldAnswers> open = new ConcurrentHashMap<>();

  void opened(TaskId task, HeldAnswers held) {
    open.put(task, held);
  }

  /** Leaves alone a newer opening of the task, should its close come after it. */
  void closed(TaskId task, HeldAnswers held) {
    open.remove(task, held);
  }

  /** The task's held replies; empty when its lookup processor is not open. */
  Optional<HeldAnswers> of(TaskId task) {
    return Optional.ofNullable(open.get(task));
  }
}
