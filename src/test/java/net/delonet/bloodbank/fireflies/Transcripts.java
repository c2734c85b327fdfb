package net.delonet.bloodbank.fireflies;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Fireflies-shaped test data (after https://docs.fireflies.ai/schema/transcript) and signatures as Fireflies makes them. */
final class Transcripts {

    private Transcripts() {
    }

    /** A transcript as the GraphQL {@code transcript} query returns it: date in epoch ms, duration in minutes. */
    static String transcript(String id) {
        return """
                {"id":"%s","title":"Standup","date":1760788800000,"duration":12.5,
                 "transcript_url":"https://app.fireflies.ai/view/%s","audio_url":"https://cdn.example/a.mp3","video_url":null,
                 "host_email":"jarad@example.com","organizer_email":"jarad@example.com",
                 "participants":["jarad@example.com","ana@example.com"],
                 "meeting_attendees":[{"displayName":"Ana","email":"ana@example.com","name":"Ana Lima"}],
                 "speakers":[{"id":"0","name":"Jarad"},{"id":"1","name":"Ana"}],
                 "sentences":[
                   {"index":0,"speaker_name":"Jarad","speaker_id":"0","text":"Morning.","raw_text":"morning","start_time":0.4,"end_time":1.2},
                   {"index":1,"speaker_name":"Ana","speaker_id":"1","text":"The upload works.","raw_text":"the upload works","start_time":"1.5","end_time":"3.25"}],
                 "summary":{"keywords":["upload","standup"],"action_items":"Ana: ship it","outline":"1. status",
                            "overview":"A short standup.","shorthand_bullet":"- upload works","short_summary":"Upload works."},
                 "user":{"user_id":"VsFnU96JJB","email":"jarad@example.com","name":"Jarad"}}""".formatted(id, id);
    }

    static String signature(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
