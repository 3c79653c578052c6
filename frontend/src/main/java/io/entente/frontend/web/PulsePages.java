package io.entente.frontend.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The pulse survey as plain server-rendered HTML: a form that works without JavaScript or a session, with a fieldset
 * and legend per question, a labelled radio group 1 to 5, and errors that name the question they belong to.
 */
public final class PulsePages {

    static final List<String> SCALE = List.of("1 - poor", "2", "3", "4", "5 - excellent");

    private PulsePages() {
    }

    /** The survey form; {@code errors} by question key ("" for the whole form), {@code chosen} keeps the answers. */
    public static String form(String token, JsonNode survey, Map<String, String> errors, Map<String, String> chosen) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>How was the meeting?</h1>\n<p class=\"meeting\">")
                .append(esc(survey.path("meetingTitle").asText())).append(", ")
                .append(esc(survey.path("meetingDate").asText())).append("</p>\n")
                .append("<p>Your answers are anonymous: they are shown only as averages of at least three people, "
                        + "never with your name. Each question is scored from 1 (poor) to 5 (excellent).</p>\n");
        if (!errors.isEmpty()) {
            body.append("<div class=\"errors\" role=\"alert\" id=\"errors\"><h2>Please check your answer</h2><ul>");
            errors.forEach((key, message) -> body.append("<li>")
                    .append(key.isEmpty() ? "" : "<a href=\"#q-" + esc(key) + "-1\">")
                    .append(esc(message)).append(key.isEmpty() ? "" : "</a>").append("</li>"));
            body.append("</ul></div>\n");
        }
        body.append("<form method=\"post\" action=\"/pulse/").append(esc(token)).append("\">\n");
        for (JsonNode question : survey.path("questions")) {
            String key = question.path("key").asText();
            boolean wrong = errors.containsKey(key);
            body.append("<fieldset").append(wrong ? " aria-describedby=\"err-" + esc(key) + "\"" : "").append(">")
                    .append("<legend>").append(esc(question.path("text").asText())).append("</legend>");
            if (wrong) {
                body.append("<p class=\"error\" id=\"err-").append(esc(key)).append("\">")
                        .append(esc(errors.get(key))).append("</p>");
            }
            body.append("<div class=\"scale\">");
            for (int score = 1; score <= SCALE.size(); score++) {
                String id = "q-" + key + "-" + score;
                boolean checked = String.valueOf(score).equals(chosen.get(key));
                body.append("<label for=\"").append(esc(id)).append("\"><input type=\"radio\" required name=\"")
                        .append(esc(key)).append("\" id=\"").append(esc(id)).append("\" value=\"").append(score)
                        .append("\"").append(checked ? " checked" : "").append("> ")
                        .append(esc(SCALE.get(score - 1))).append("</label>");
            }
            body.append("</div></fieldset>\n");
        }
        int max = survey.path("maxCommentLength").asInt(2000);
        body.append("<label for=\"comment\" class=\"block\">Anything else you would like to tell us? (optional, up to ")
                .append(max).append(" characters)</label>\n<textarea id=\"comment\" name=\"comment\" rows=\"5\" "
                        + "maxlength=\"").append(max).append("\">").append(esc(chosen.getOrDefault("comment", "")))
                .append("</textarea>\n<p><button type=\"submit\">Send my answer</button></p>\n</form>\n");
        return page("Meeting pulse survey", body.toString());
    }

    public static String thanks() {
        return page("Thank you", "<h1>Thank you</h1>\n<p role=\"status\">Your answer was recorded. It counts towards "
                + "the alliance's pulse without your name.</p>\n<p>You can close this page.</p>\n");
    }

    /** A link that cannot take an answer (used, expired, withdrawn, unknown, or posted too often). */
    public static String message(String title, String detail) {
        return page(title, "<h1>" + esc(title) + "</h1>\n<p role=\"status\">" + esc(detail) + "</p>\n");
    }

    static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n<title>" + esc(title) + " - Entente</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;color:#1a1a1a;"
                + "background:#fff;line-height:1.5}\n"
                + "fieldset{border:1px solid #767676;border-radius:4px;margin:0 0 1rem;padding:.5rem 1rem}\n"
                + "legend{font-weight:600;padding:0 .25rem}\n.scale{display:flex;flex-wrap:wrap;gap:1rem}\n"
                + ".scale label{display:inline-flex;align-items:center;gap:.3rem;min-height:44px}\n"
                + ".block{display:block;font-weight:600;margin-top:1rem}\ntextarea{width:100%;font:inherit}\n"
                + "button{font:inherit;padding:.6rem 1.2rem;background:#0b5cad;color:#fff;border:0;border-radius:4px}\n"
                + "button:focus,input:focus,textarea:focus,a:focus{outline:3px solid #b35c00;outline-offset:2px}\n"
                + ".errors{border:2px solid #b00020;padding:.5rem 1rem;margin-bottom:1rem}\n"
                + ".error{color:#b00020;margin:.25rem 0}\n.meeting{font-size:1.1rem;color:#333}\n"
                + "</style>\n</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
