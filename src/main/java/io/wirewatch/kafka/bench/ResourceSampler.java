package io.wirewatch.kafka.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Samples this JVM's heap every 100 ms, and the heap left after each garbage collection (what the
 * process really holds, rather than garbage not yet collected); reads peak RSS from /proc; measures
 * process CPU time.
 */
public final class ResourceSampler implements AutoCloseable {

  private static final Set<String> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());

  private final Thread thread;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener afterGc =
      (notification, handback) -> recordAfterGc(notification);
  private volatile boolean running = true;
  private volatile long peakHeap;
  private volatile long peakHeapAfterGc;

  public ResourceSampler() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(afterGc, null, null);
        emitters.add(emitter);
      }
    }
    thread =
        new Thread(
            () -> {
              while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakHeap = Math.max(peakHeap, used);
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  public double peakHeapMb() {
    return peakHeap / 1048576.0;
  }

  /** The largest heap in use right after a collection: the live set plus uncollected old data. */
  public double peakHeapAfterGcMb() {
    return peakHeapAfterGc / 1048576.0;
  }

  private void recordAfterGc(javax.management.Notification notification) {
    if (!notification
        .getType()
        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      // the report also names non-heap pools (metaspace, code cache): not part of the heap
      if (HEAP_POOLS.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    peakHeapAfterGc = Math.max(peakHeapAfterGc, used);
  }

  /** Peak resident set size of this process (VmHWM), or -1 where /proc is not there. */
  public static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }

  /** CPU time this process has used, in seconds. */
  public static double cpuSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return -1;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(afterGc);
      } catch (ListenerNotFoundException e) {
        // already gone: nothing to undo
      }
    }
  }
}
