package io.wirewatch.kafka.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples this JVM's heap every 100 ms; reads peak RSS from /proc; measures process CPU time. */
public final class ResourceSampler implements AutoCloseable {

  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakHeap;

  public ResourceSampler() {
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
  }
}
