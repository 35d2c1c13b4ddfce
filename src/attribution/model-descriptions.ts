// What each attribution model does, in a paragraph a marketer can read: served
// by GET /v1/attribution/models and printed by `beacon attribution --help`.
import type { AttributionModel } from '../model/attribution.js';

export interface ModelDescription {
  id: AttributionModel;
  name: string;
  description: string;
  /** The request fields that tune it. */
  params: string[];
}

export const MODEL_DESCRIPTIONS: readonly ModelDescription[] = [
  {
    id: 'first_touch',
    name: 'First touch',
    description: 'All of a conversion goes to the first touch of its path: the channel that introduced the customer. Rewards discovery, ignores what closed the sale.',
    params: ['lookback_days'],
  },
  {
    id: 'last_touch',
    name: 'Last touch',
    description: 'All of a conversion goes to the last touch before it, Direct included. Simple and what most ad platforms report; ignores everything that came before.',
    params: ['lookback_days'],
  },
  {
    id: 'last_non_direct',
    name: 'Last non-direct touch',
    description: "All of a conversion goes to the last touch that is not Direct (Direct only when the path has nothing else): a returning visitor typing the address does not take the credit from the campaign that brought them. Beacon's default.",
    params: ['lookback_days'],
  },
  {
    id: 'linear',
    name: 'Linear',
    description: 'Each touch of a path gets an equal share of the conversion. A neutral baseline when nothing is known about which touches matter.',
    params: ['lookback_days'],
  },
  {
    id: 'time_decay',
    name: 'Time decay',
    description: 'Touches closer to the conversion count more: a touch Δt days before it weighs 2^(−Δt / half-life), half-life 7 days by default, and the weights of a path are scaled to one conversion. Needs touch times, so not for path files.',
    params: ['lookback_days', 'half_life_days'],
  },
  {
    id: 'position_based',
    name: 'Position based (U-shaped)',
    description: 'The first and last touches get 40 % each and the touches between share 20 % (weights configurable); one touch gets everything, two split first and last. Credits both the introduction and the close.',
    params: ['lookback_days', 'position_weights'],
  },
  {
    id: 'markov',
    name: 'Markov chain (data-driven)',
    description: "Journeys, converting or not, form a Markov chain of touches (order k, 1 by default; auto picks k on held-out journeys). A channel's removal effect is how much the chance of converting drops when the chain loses it; credit is proportional to removal effects. Beacon solves the chain exactly (no simulation), so results are deterministic.",
    params: ['lookback_days', 'order'],
  },
  {
    id: 'shapley',
    name: 'Shapley value (data-driven)',
    description: "Each channel's fair share of the conversions over every coalition of channels, from the conversion rates of the channel sets journeys actually took (game theory's Shapley value). Exact up to 15 channels; above that, permutation sampling with its standard error when sampling is allowed.",
    params: ['lookback_days', 'sampling', 'seed'],
  },
];
