package net.delonet.bloodbank.envelope;

/** Git context of an agent's working environment. */
public record CodeState(String repoUrl, String branch, String workingDiff, String branchDiff, String lastCommitHash) {
}
