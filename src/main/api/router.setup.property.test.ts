import { describeChannelProperties, SETUP_CHANNELS } from '../../../test/api/routerProperty';

// The other half of the channels is in router.activity.property.test.ts, so two workers share the 10,000 runs.
describeChannelProperties(SETUP_CHANNELS);
