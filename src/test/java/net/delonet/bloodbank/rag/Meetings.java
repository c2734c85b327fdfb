package net.delonet.bloodbank.rag;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.delonet.bloodbank.events.FirefliesEvents.Ready;
import net.delonet.bloodbank.events.FirefliesEvents.Sentence;
import net.delonet.bloodbank.events.FirefliesEvents.Speaker;

/** Transcripts for tests and the benchmark: one written by hand, and synthetic ones of any length. */
public final class Meetings {

    private Meetings() {
    }

    public static Ready ready(String id, String title, List<Sentence> sentences) {
        List<Speaker> speakers = sentences.stream().map(Sentence::speakerName).distinct()
                .map(name -> new Speaker(name, name)).toList();
        return new Ready(id, title, OffsetDateTime.parse("2025-03-14T10:00:00Z"), null, null, null, null,
                sentences, speakers, null, null, null, null, null);
    }

    /** A weekly sync: the quarter's budget, then the holiday rota, then a release problem. */
    public static Ready weeklySync(String id) {
        String[][] lines = {
            {"Alice", "Let's start with the budget for the third quarter."},
            {"Alice", "We have spent eighty thousand dollars of the one hundred and twenty thousand allocated to marketing."},
            {"Bob", "Cloud hosting costs came in twelve percent over plan, so we have to cut spending somewhere."},
            {"Carol", "I suggest we postpone buying the new laptops until next quarter to stay inside the budget."},
            {"Alice", "Agreed, and finance wants a revised cost forecast from each team by Friday."},
            {"Bob", "I will send the hosting invoice breakdown to finance tomorrow."},
            {"Carol", "Should we also ask for a bigger budget for the conference next spring?"},
            {"Alice", "Not this quarter; the money we have left covers salaries, hosting and the contractor."},
            {"Bob", "Then I will cancel the unused software licences, which saves about three thousand a month."},
            {"Alice", "Next, the holidays in December."},
            {"Bob", "I am going skiing in the Alps for two weeks over Christmas."},
            {"Carol", "I am visiting my family in Lisbon and will be back on the third of January."},
            {"Alice", "Then someone has to stay on call over New Year's Eve, and I can take that shift myself."},
            {"Carol", "Thanks, I will cover the first week of January so you can rest afterwards."},
            {"Bob", "Let's put the rota on the team calendar so nobody books the same days off."},
            {"Alice", "Remember that the office is closed between Christmas Eve and the second of January."},
            {"Carol", "My kids have school holidays in February too, so I may take a week off then."},
            {"Bob", "Enjoy the break, everyone, and send me your leave requests before the end of November."},
            {"Carol", "Last point: the mobile release is blocked by a crash on the login screen."},
            {"Bob", "The crash happens on older Android phones when the session token expires during startup."},
            {"Alice", "Can we ship a fix this week, or should we delay the release to next Tuesday?"},
            {"Carol", "I think a fix is possible by Thursday if QA can test it on Friday morning."},
            {"Bob", "I will write the patch tonight and add a regression test for the expired token."},
            {"Alice", "Please also add a crash report to the status page so support can answer customers."},
            {"Carol", "I will ask the store to pause the phased rollout until the patched build is approved."},
        };
        List<Sentence> sentences = new ArrayList<>();
        for (String[] line : lines) {
            double start = sentences.size() * 6.0;
            sentences.add(new Sentence(sentences.size(), line[1], line[1], line[0], line[0], start, start + 5.5));
        }
        return ready(id, "Weekly sync", sentences);
    }

    /** {@code count} sentences of varied office talk by four speakers, about 4 s each; the same seed, the same text. */
    public static Ready synthetic(String id, int count, long seed) {
        String[] speakers = {"Alice", "Bob", "Carol", "Dan"};
        String[][] topics = {
            {"budget", "invoice", "forecast", "spending", "cost", "finance", "quarter"},
            {"release", "build", "crash", "patch", "regression", "deploy", "rollback"},
            {"hiring", "candidate", "interview", "offer", "onboarding", "recruiter", "salary"},
            {"customer", "ticket", "complaint", "refund", "support", "escalation", "churn"},
            {"database", "migration", "index", "backup", "replica", "latency", "schema"},
            {"roadmap", "feature", "priority", "deadline", "milestone", "scope", "design"},
        };
        String[] openers = {"I think the", "We should review the", "Can someone check the", "The latest",
            "Last week the", "Let's move the", "I am worried about the", "Good news on the"};
        String[] verbs = {"needs more work", "is on track", "slipped by a few days", "looks better than expected",
            "is blocked", "should wait until next sprint", "came in over plan", "is done"};
        Random random = new Random(seed);
        List<Sentence> sentences = new ArrayList<>(count);
        String speaker = speakers[0];
        for (int i = 0; i < count; i++) {
            String[] topic = topics[(i / 40 + (int) seed) % topics.length];
            if (random.nextInt(3) == 0) {
                speaker = speakers[random.nextInt(speakers.length)];
            }
            String text = openers[random.nextInt(openers.length)] + " " + pick(topic, random) + " "
                    + verbs[random.nextInt(verbs.length)] + " because the " + pick(topic, random) + " and the "
                    + pick(topic, random) + " " + verbs[random.nextInt(verbs.length)] + ".";
            sentences.add(new Sentence(i, text, text, speaker, speaker, i * 3.6, i * 3.6 + 3.4));
        }
        return ready(id, "Synthetic meeting " + id, sentences);
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }
}
