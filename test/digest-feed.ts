/**
 * A small invented feed for the grouping tests: four stories of three articles each, written for
 * these tests (names, places and events are made up). Each article words its story differently;
 * the stories share only general news vocabulary.
 */
import type { SourceDocument } from '../src/types.js';

export const FLOOD: SourceDocument[] = [
  {
    id: 'flood-1',
    text: 'Marlow Creek evacuates 300 homes as the Tessel River bursts its banks\n\nThe Tessel River burst its banks early on Tuesday, forcing the evacuation of about 300 homes in Marlow Creek. Mayor Ingrid Halvorsen said emergency crews worked through the night. The county recorded its heaviest rainfall in a century. Volunteers filled sandbags outside the town hall.',
  },
  {
    id: 'flood-2',
    text: 'Floodwater from the Tessel reached the centre of Marlow Creek on Tuesday morning. Mayor Halvorsen asked residents of the lower town to leave their homes and move to the school gym. Rescue boats from the county fire service carried elderly residents to safety. Forecasters expect the river to crest on Wednesday.',
  },
  {
    id: 'flood-3',
    text: 'Residents of Marlow Creek spent the night in shelters after the Tessel River flooded the town. Ingrid Halvorsen, the mayor, said the evacuation of the lower town went smoothly and nobody was hurt. The rainfall broke a county record set in 1924. Sandbags and rescue boats arrived from neighbouring towns.',
  },
];

export const CHESS: SourceDocument[] = [
  {
    id: 'chess-1',
    text: 'Lidia Ostrowska wins the Zagreb Open\n\nGrandmaster Lidia Ostrowska won the Zagreb Open on Sunday after a tense final game against Tomas Brenner. Ostrowska sacrificed a rook on move 31 and forced checkmate twelve moves later. The victory lifts her into the world top ten. Brenner said he had underestimated the attack.',
  },
  {
    id: 'chess-2',
    text: 'Tomas Brenner resigned on move 43 of the deciding game, handing the Zagreb Open title to Lidia Ostrowska. The Polish grandmaster had trailed after the first round but won five games in a row. Her rook sacrifice drew applause from the hall. Ostrowska takes home the first prize of 40,000 euros.',
  },
  {
    id: 'chess-3',
    text: 'The Zagreb Open ended with a brilliant attacking win for Ostrowska. Playing black against Brenner, the grandmaster gave up a rook to open the king and delivered checkmate on move 43. Organisers said the tournament drew a record number of players. Ostrowska will play in the candidates tournament next year.',
  },
];

export const RECALL: SourceDocument[] = [
  {
    id: 'recall-1',
    text: 'Velamed recalls Corvantin blood pressure tablets\n\nThe drug maker Velamed is recalling 14 batches of its Corvantin blood pressure tablets after tests found traces of a contaminant. Regulators said patients should keep taking the medicine until a pharmacist can replace it. Velamed said no illnesses had been reported.',
  },
  {
    id: 'recall-2',
    text: 'Pharmacists began replacing Corvantin tablets on Monday after Velamed announced a recall of 14 batches. The contaminant was found during routine testing at the factory in Leuven. Regulators warned patients not to stop the blood pressure treatment abruptly. Velamed shares fell 6 percent.',
  },
  {
    id: 'recall-3',
    text: 'Velamed has pulled several batches of the heart medicine Corvantin from pharmacies after a contaminant turned up in factory tests. The company said the risk to patients was low. Regulators asked pharmacists to swap the affected tablets and told patients to keep taking their blood pressure medicine.',
  },
];

export const LAUNCH: SourceDocument[] = [
  {
    id: 'launch-1',
    text: 'An Aurora-4 rocket lifted off from Kourou on Thursday night carrying the Meteor-9 weather satellite. The launch had been delayed twice by high winds over French Guiana. Engineers confirmed that the satellite separated from the upper stage 40 minutes after liftoff.',
  },
  {
    id: 'launch-2',
    text: 'The Meteor-9 weather satellite is in orbit after a flawless launch aboard an Aurora-4 rocket from Kourou. Controllers received the first signals from the spacecraft an hour after liftoff. The satellite will improve storm forecasts across Europe and Africa.',
  },
  {
    id: 'launch-3',
    text: 'After two delays caused by wind, the Aurora-4 rocket finally launched from the spaceport in French Guiana. Its payload, the weather satellite Meteor-9, separated from the upper stage as planned. Forecasters say the satellite will give earlier warnings of storms.',
  },
];

export const FEED: SourceDocument[] = [...FLOOD, ...CHESS, ...RECALL, ...LAUNCH];
export const STORIES = [FLOOD, CHESS, RECALL, LAUNCH].map((story) => story.map((document) => document.id));
