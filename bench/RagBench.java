import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.delonet.bloodbank.events.FirefliesEvents.Ready;
import net.delonet.bloodbank.rag.ChunkBudget;
import net.delonet.bloodbank.rag.IngestionSummary;
import net.delonet.bloodbank.rag.Meetings;
import net.delonet.bloodbank.rag.PassageEmbedder;
import net.delonet.bloodbank.rag.PassageIndex;
import net.delonet.bloodbank.rag.RagIngester;
import net.delonet.bloodbank.rag.RagSearch;

/**
 * RAG ingestion and search benchmark; run by bench/rag-bench.sh, not by mvn verify.
 * Ingests synthetic 1-hour meetings (1,000 sentences), then fills an index to the wanted passage count
 * (kept in target/bench-rag-index between runs) and times searches after a warm-up.
 */
public class RagBench {

    static final String[] QUESTIONS = {
        "What did we decide about the budget forecast?", "Is the release blocked by the crash?",
        "How is hiring the new candidate going?", "Are customers asking for refunds?",
        "Why is the database migration slow?", "When is the deadline for the roadmap milestone?",
        "Who is going skiing over Christmas?", "Which invoice came in over plan?",
        "Should we roll back the deploy?", "What salary did we offer?", "replica latency after backup",
        "support escalation churn", "patch regression build", "scope priority design review",
    };

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long t0 = System.nanoTime();
        PassageEmbedder embedder = new PassageEmbedder();
        embedder.embed("load the model");
        System.out.printf("model load: %.1f s%n", seconds(t0));

        Path scratch = Files.createTempDirectory("rag-bench");
        try (PassageIndex index = PassageIndex.open(scratch)) {
            RagIngester ingester = new RagIngester(index, embedder, ChunkBudget.DEFAULT);
            ingester.ingest(Meetings.synthetic("warm-up", 300, 99));
            for (int run = 1; run <= 3; run++) {
                Ready meeting = Meetings.synthetic("hour-" + run, 1_000, run);
                System.gc();
                long heapBefore = heapUsed();
                HeapPeak peak = HeapPeak.start();
                long start = System.nanoTime();
                long cpuStart = cpuNanos();
                IngestionSummary summary = ingester.ingest(meeting);
                double took = seconds(start);
                double cpu = (cpuNanos() - cpuStart) / 1e9;
                peak.stop();
                System.out.printf("ingest 1-hour meeting #%d: %d sentences -> %d passages in %.2f s "
                        + "(%.1f passages/s, %.1f CPU s); heap %d MB before, peak %d MB; process RSS peak %d MB%n",
                        run, summary.sentenceCount(), summary.chunkCount(), took, summary.chunkCount() / took, cpu,
                        heapBefore >> 20, peak.max() >> 20, rssPeakKb() >> 10);
            }
        }

        try (PassageIndex index = PassageIndex.open(Path.of("target/bench-rag-index"))) {
            RagIngester ingester = new RagIngester(index, embedder, ChunkBudget.DEFAULT);
            long fill = System.nanoTime();
            for (int seed = 1000; index.passageCount() < wanted; seed++) {
                ingester.ingest(Meetings.synthetic("fill-" + seed, 1_000, seed));
                System.out.printf("\rindexed %d passages", index.passageCount());
            }
            System.out.printf("%nindex: %d passages (filled in %.0f s)%n", index.passageCount(), seconds(fill));
            RagSearch search = new RagSearch(index, embedder);
            long warm = System.nanoTime();
            for (int i = 0; seconds(warm) < 10; i++) {
                search.search(QUESTIONS[i % QUESTIONS.length], 5, Optional.empty());
            }
            report("search k=5", search, 2_000, Optional.empty());
            report("search k=5, transcript filter", search, 500, Optional.of("fill-1003"));
            double[] embed = new double[500];
            for (int i = 0; i < embed.length; i++) {
                long s = System.nanoTime();
                embedder.embed(QUESTIONS[i % QUESTIONS.length]);
                embed[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(embed);
            System.out.printf("of which embedding the question: p50 %.1f ms, p99 %.1f ms%n", pct(embed, 50),
                    pct(embed, 99));
        }
        System.exit(0);
    }

    static void report(String name, RagSearch search, int count, Optional<String> transcript) throws Exception {
        double[] ms = new double[count];
        long cpuStart = cpuNanos();
        for (int i = 0; i < count; i++) {
            long s = System.nanoTime();
            search.search(QUESTIONS[i % QUESTIONS.length], 5, transcript);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        double cpuMs = (cpuNanos() - cpuStart) / 1e6 / count;
        Arrays.sort(ms);
        System.out.printf("%s, %d queries: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f CPU ms/query%n",
                name, count, pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[count - 1], cpuMs);
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** CPU time of the whole process (all threads, native ones too): what other builds on the host cannot inflate. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmHWM: the most resident memory the process ever had, ONNX Runtime's native buffers included. */
    static long rssPeakKb() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }

    /** Samples heap use every 5 ms while ingesting. */
    record HeapPeak(AtomicLong highest, Thread sampler) {
        static HeapPeak start() {
            AtomicLong max = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    max.accumulateAndGet(heapUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            return new HeapPeak(max, sampler);
        }

        void stop() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
        }

        long max() {
            return highest.get();
        }
    }
}
