/**
 * My reading of every conflict bench:conflicts reports on the unchanged val clusters, in my
 * own words (the clusters' text is licensed for research only and is never quoted here).
 * `id` is the cluster and, per variant, the first span's document (its last three characters)
 * and start offset, as the benchmark prints it; `right` says whether the sources really
 * disagree about one fact.
 */
export interface Judgment {
  id: string;
  right: boolean;
  note: string;
}

/** The in-group conflicts, all at stress thresholds (none is reported at the library's 0.3). */
export const JUDGMENTS: Judgment[] = [
  { id: 'multinews-sample-val-161 -d2@3594 -d3@587', right: false, note: "two court dates in July: one source says a woman was to be arraigned on the earlier one, the other that a man's arraignment was put off to the later; different people, or a postponement, not a disagreement I can call" },
  { id: 'multinews-sample-val-173 -d0@191 -d1@410', right: false, note: "a pilot's home given as a state by one source and as a city in that state by the other: both true" },
  { id: 'multinews-sample-val-127 -d0@1214 -d1@2646', right: true, note: "an activist's jail term for insulting an official: nine months in one source, a year in the other" },
  { id: 'multinews-sample-val-172 -d1@831 -d3@2183', right: true, note: "how many women had accused the entertainer: over thirty in one source, forty in the other (a count that grew)" },
  { id: 'multinews-sample-val-216 -d0@1454 -d1@3642', right: false, note: "a study's finding stated for a whole ancient country in one source and for one oasis in it in the other" },
  { id: 'multinews-sample-val-007 -d0@652 -d2@514', right: true, note: "the climbers were after the fourteen highest mountains in one source, the fourteenth highest peak in the other: the sources really differ" },
  { id: 'multinews-sample-val-112 -d0@4244 -d2@7159', right: false, note: "two different senators quoted in sentences built the same way" },
  { id: 'multinews-sample-val-128 -d1@587 -d2@417', right: false, note: "one source says the staff were not American, the other names their nationality: two statements, no disagreement" },
  { id: 'multinews-sample-val-133 -d0@293 -d1@293', right: false, note: "one woman named by her nationality in one source and by her surname in the other" },
];

/**
 * The paraphrase rule (bench:conflicts --show-attached): what it attaches, and, since at the
 * library's settings nothing is attached on the val clusters, every pair it would attach if the
 * first sentence's group had a conflict. Right when both give the same fact with that number.
 */
export const ATTACHMENT_JUDGMENTS: Judgment[] = [
  { id: 'multinews-sample-val-001 -d0@343 -d1@45', right: true, note: "the number of misprinted shirts given away at the ballpark, in both" },
  { id: 'multinews-sample-val-004 -d1@103 -d2@93', right: true, note: "the age of the pupil the teacher fixated on" },
  { id: 'multinews-sample-val-004 -d1@657 -d2@93', right: true, note: "the same pupil's age, in a sentence about the messages they exchanged" },
  { id: 'multinews-sample-val-008 -d0@1321 -d1@1136', right: false, note: "two different men who were each charged with that many counts" },
  { id: 'multinews-sample-val-014 -d0@1305 -d1@534', right: true, note: "how many of the billed days of protection the client spent in jail" },
  { id: 'multinews-sample-val-014 -d0@1631 -d1@1876', right: true, note: "the weekly cost of the security that replaced the first firm" },
  { id: 'multinews-sample-val-017 -d0@610 -d2@5', right: true, note: "the infant's age in weeks" },
  { id: 'multinews-sample-val-022 -d0@638 -d1@633', right: true, note: "how many people had to sign off on a post, the same remark" },
  { id: 'multinews-sample-val-033 -d1@654 -d4@474', right: false, note: "the fossil foot's size in metres: its width in one, its length in the other" },
  { id: 'multinews-sample-val-035 -d0@139 -d1@776', right: true, note: "the number of people stabbed at the rally" },
  { id: 'multinews-sample-val-035 -d0@139 -d1@979', right: true, note: "the same stabbed people, described by the side they were on" },
  { id: 'multinews-sample-val-047 -d0@715 -d2@4910', right: true, note: "the day's national death toll as the activist network gave it" },
  { id: 'multinews-sample-val-052 -d0@1116 -d2@1979', right: true, note: "the murder charges the mother faces" },
  { id: 'multinews-sample-val-052 -d0@1174 -d2@1108', right: true, note: "the younger child's age" },
  { id: 'multinews-sample-val-052 -d0@1202 -d2@1075', right: true, note: "the older child's age" },
  { id: 'multinews-sample-val-054 -d0@249 -d1@1319', right: true, note: "the missing student's age" },
  { id: 'multinews-sample-val-074 -d0@2973 -d1@1252', right: false, note: "runs a week: one counts the people above that figure, the other describes those below it" },
  { id: 'multinews-sample-val-077 -d0@208 -d3@145', right: true, note: "sales in the first four days of legal sales" },
  { id: 'multinews-sample-val-077 -d0@208 -d4@4160', right: true, note: "the same first-days sales figure" },
  { id: 'multinews-sample-val-077 -d3@145 -d4@4160', right: true, note: "the same first-days sales figure" },
  { id: 'multinews-sample-val-095 -d0@283 -d1@1091', right: true, note: "the caseworker's age" },
  { id: 'multinews-sample-val-098 -d0@638 -d2@982', right: true, note: "the number of rats trained in the study" },
  { id: 'multinews-sample-val-098 -d0@742 -d2@3057', right: true, note: "the reward for the harder task in the study" },
  { id: 'multinews-sample-val-102 -d0@742 -d2@1435', right: true, note: "how long ago, in the president's remark" },
  { id: 'multinews-sample-val-103 -d0@883 -d2@2318', right: true, note: "the length of the jail term the judge gave" },
  { id: 'multinews-sample-val-103 -d0@883 -d4@2208', right: true, note: "the same jail term" },
  { id: 'multinews-sample-val-103 -d0@883 -d5@753', right: true, note: "the same jail term" },
  { id: 'multinews-sample-val-103 -d0@963 -d1@592', right: true, note: "the counts he was convicted of" },
  { id: 'multinews-sample-val-103 -d0@4105 -d2@3190', right: true, note: "the minutes in the father's phrase that the letter answers" },
  { id: 'multinews-sample-val-103 -d2@2012 -d3@653', right: true, note: "the same jail term" },
  { id: 'multinews-sample-val-103 -d2@2012 -d4@2208', right: true, note: "the same jail term" },
  { id: 'multinews-sample-val-110 -d0@1994 -d1@1064', right: true, note: "the victim's age" },
  { id: 'multinews-sample-val-121 -d1@810 -d2@227', right: true, note: "the teenager's age" },
  { id: 'multinews-sample-val-122 -d0@1636 -d2@2215', right: true, note: "the surviving brother's age" },
  { id: 'multinews-sample-val-125 -d0@824 -d1@1638', right: true, note: "the years since the crash that injured him" },
  { id: 'multinews-sample-val-127 -d0@1108 -d1@2466', right: true, note: "the other convictions she is appealing" },
  { id: 'multinews-sample-val-127 -d0@1145 -d1@2515', right: true, note: "the earlier sentence for tearing up photos" },
  { id: 'multinews-sample-val-128 -d1@4992 -d2@3034', right: true, note: "the countries the seized passports came from" },
  { id: 'multinews-sample-val-128 -d1@5175 -d2@5144', right: true, note: "the fall in forged documents since the operation began" },
  { id: 'multinews-sample-val-141 -d0@32 -d2@24', right: true, note: "the boy's age" },
  { id: 'multinews-sample-val-141 -d1@153 -d3@35', right: true, note: "the boy's age" },
  { id: 'multinews-sample-val-141 -d1@526 -d2@199', right: true, note: "the mother's age" },
  { id: 'multinews-sample-val-142 -d0@1652 -d1@2213', right: true, note: "the average heart-rate error the lawsuit's study found" },
  { id: 'multinews-sample-val-142 -d0@1652 -d1@3719', right: false, note: "the same figure, but found by a different group testing the devices" },
  { id: 'multinews-sample-val-152 -d0@1004 -d2@977', right: true, note: "the prison terms the two men got" },
  { id: 'multinews-sample-val-152 -d0@1706 -d1@1902', right: true, note: "the interest the compensation annuity pays" },
  { id: 'multinews-sample-val-153 -d0@28 -d1@186', right: true, note: "the bodies found" },
  { id: 'multinews-sample-val-153 -d0@28 -d2@46', right: true, note: "the bodies found" },
  { id: 'multinews-sample-val-153 -d1@186 -d2@46', right: true, note: "the bodies found" },
  { id: 'multinews-sample-val-156 -d0@2215 -d1@1967', right: true, note: "the daughter's age" },
  { id: 'multinews-sample-val-156 -d0@2391 -d1@6879', right: true, note: "the surviving children" },
  { id: 'multinews-sample-val-157 -d0@69 -d1@111', right: true, note: "the cars that struck the woman" },
  { id: 'multinews-sample-val-157 -d0@402 -d1@549', right: true, note: "the woman's age" },
  { id: 'multinews-sample-val-161 -d0@177 -d1@2018', right: true, note: "one suspect's age" },
  { id: 'multinews-sample-val-161 -d0@621 -d1@1727', right: true, note: "another suspect's age" },
  { id: 'multinews-sample-val-161 -d0@621 -d3@305', right: true, note: "the same suspect's age" },
  { id: 'multinews-sample-val-161 -d1@351 -d2@130', right: true, note: "the victim's age" },
  { id: 'multinews-sample-val-161 -d1@1727 -d3@305', right: true, note: "the same suspect's age" },
  { id: 'multinews-sample-val-161 -d1@2111 -d2@631', right: true, note: "the suspected gunman's age" },
  { id: 'multinews-sample-val-164 -d3@490 -d4@3161', right: true, note: "the two swimmers who did not come back" },
  { id: 'multinews-sample-val-176 -d0@97 -d1@4687', right: true, note: "how long the leader had ruled" },
  { id: 'multinews-sample-val-176 -d0@349 -d1@4687', right: true, note: "how long the leader had ruled" },
  { id: 'multinews-sample-val-177 -d0@2250 -d1@7477', right: true, note: "the poll's sample size" },
  { id: 'multinews-sample-val-187 -d0@41 -d1@139', right: true, note: "the people hurt in the explosion" },
  { id: 'multinews-sample-val-195 -d0@191 -d1@489', right: true, note: "the miles the pair drove" },
  { id: 'multinews-sample-val-196 -d0@4038 -d1@4171', right: true, note: "how far from the village the first musher was attacked" },
  { id: 'multinews-sample-val-196 -d0@4436 -d1@4171', right: false, note: "the second musher's attack against the first one's: the same distance, another event" },
  { id: 'multinews-sample-val-196 -d0@4436 -d2@2563', right: true, note: "how far from the village the second musher was attacked" },
  { id: 'multinews-sample-val-209 -d0@3322 -d1@1417', right: true, note: "the distance of the search area from the city" },
  { id: 'multinews-sample-val-211 -d0@305 -d2@241', right: true, note: "the screen size" },
  { id: 'multinews-sample-val-211 -d1@1211 -d2@536', right: true, note: "the device's weight" },
  { id: 'multinews-sample-val-216 -d0@508 -d1@246', right: true, note: "the older bound of the burial dates" },
  { id: 'multinews-sample-val-216 -d0@518 -d1@236', right: true, note: "the younger bound of the burial dates" },
  { id: 'multinews-sample-val-218 -d0@1599 -d2@6370', right: true, note: "the people aboard the missing plane" },
  { id: 'multinews-sample-val-218 -d0@2228 -d2@17224', right: true, note: "the ships in that day's search" },
  { id: 'multinews-sample-val-218 -d1@643 -d2@4989', right: true, note: "the people aboard the missing plane" },
  { id: 'multinews-sample-val-226 -d0@3863 -d1@2639', right: true, note: "the star's assists in the game" },
  { id: 'multinews-sample-val-226 -d0@3878 -d1@2654', right: true, note: "the star's rebounds in the game" },
  { id: 'multinews-sample-val-226 -d0@3975 -d1@4088', right: true, note: "the rival star's points" },
  { id: 'multinews-sample-val-234 -d0@2986 -d1@5183', right: true, note: "the deaths in the highway pileup" },
  { id: 'multinews-sample-val-234 -d0@2986 -d2@2764', right: true, note: "the deaths in the highway pileup" },
  { id: 'multinews-sample-val-234 -d1@3058 -d2@1817', right: true, note: "the flights cancelled ahead of the storm" },
  { id: 'multinews-sample-val-234 -d1@5012 -d2@3300', right: true, note: "the length of the closed stretch of highway" },
  { id: 'multinews-sample-val-234 -d1@5183 -d2@2764', right: true, note: "the deaths in the highway pileup" },
  { id: 'multinews-sample-val-240 -d0@2 -d1@78', right: true, note: "the boy's age" },
  { id: 'multinews-sample-val-240 -d1@516 -d2@2', right: true, note: "the older brother's age" },
  { id: 'multinews-sample-val-241 -d0@628 -d1@902', right: true, note: "the people sickened in the outbreak" },
  { id: 'multinews-sample-val-244 -d0@1165 -d1@442', right: true, note: "the damaged berthing spaces" },
  { id: 'multinews-sample-val-244 -d0@1878 -d1@917', right: true, note: "the distance of the collision from the port" },
  { id: 'multinews-sample-val-244 -d0@2594 -d1@4590', right: true, note: "the freighter's length" },
  { id: 'multinews-sample-val-246 -d0@208 -d1@647', right: true, note: "the dead man's age" },
];
